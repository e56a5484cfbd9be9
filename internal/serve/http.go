package serve

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Handler is the daemon's HTTP API. Every request's Host must name
// loopback when the daemon listens there; /jobs, /metrics and the run
// endpoint need the bearer token when one is configured; a run must be
// asked for with a non-simple, same-origin request (see guard).
func (d *Daemon) Handler() http.Handler {
	g := guard{loopback: IsLoopback(d.cfg.Addr), token: d.cfg.Token}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		rd := d.Ready(r.Context())
		code := http.StatusOK
		if !rd.Ready {
			code = http.StatusServiceUnavailable
		}
		writeJSON(w, code, rd)
	})
	mux.Handle("GET /metrics", g.auth(promhttp.HandlerFor(d.metrics.reg, promhttp.HandlerOpts{Registry: d.metrics.reg})))
	mux.Handle("GET /jobs", g.auth(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, d.Jobs())
	})))
	mux.Handle("POST /jobs/{name}/run", g.auth(g.action(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		done, err := d.Start(name)
		switch {
		case errors.Is(err, ErrUnknownJob):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": err.Error()})
			return
		case errors.Is(err, ErrBusy):
			writeJSON(w, http.StatusConflict, map[string]string{"error": "job " + name + " is already running"})
			return
		case errors.Is(err, ErrStopping):
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
			return
		case err != nil:
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
		// ?wait=1 waits for the run (bounded by the request) and returns its
		// result, with a status code that says whether it succeeded.
		if r.URL.Query().Get("wait") != "" {
			select {
			case res := <-done:
				writeJSON(w, resultCode(res), res)
			case <-r.Context().Done():
			}
			return
		}
		writeJSON(w, http.StatusAccepted, map[string]any{"job": name, "started": time.Now().UTC()})
	}))))
	browser := func(body []byte, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			// Neo4j Browser fetches :style and :play content cross-origin.
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(body)
		}
	}
	mux.HandleFunc("GET /browser/style.grass", browser(d.cfg.Style, "text/plain; charset=utf-8"))
	mux.HandleFunc("GET /browser/guide.html", browser(d.cfg.Guide, "text/html; charset=utf-8"))
	// Browser's fetch sends headers that need a CORS preflight.
	mux.HandleFunc("OPTIONS /browser/", func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Allow-Methods", "GET, OPTIONS")
		if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
			h.Set("Access-Control-Allow-Headers", req)
		}
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
	})
	return g.host(mux)
}

// resultCode is the HTTP status of a finished run: 200 when it succeeded
// (ok, unchanged, partial: something was fetched), 502 when it failed
// (nothing fetched, or Neo4j could not take the writes: an upstream of
// the daemon failed), 503 when shutdown interrupted it.
func resultCode(r Result) int {
	switch {
	case r.Succeeded():
		return http.StatusOK
	case r.Status == StatusInterrupted:
		return http.StatusServiceUnavailable
	default:
		return http.StatusBadGateway
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
