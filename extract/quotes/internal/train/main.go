// Command train fits the attribution model of package quotes on the PolNeAR
// training split (840 articles with brat SOURCE/CUE/CONTENT annotations) and
// writes its weights, which the package embeds:
//
//	go run ./extract/quotes/internal/train -polnear ../shared/train/polnear -out extract/quotes/attribution.weights
//
// The rules of package quotes propose statements (quotes.Candidates); a
// proposal is a positive example when its content overlaps the content of
// an annotated attribution of speech (its cue holds a speech verb of the
// package's lexicon, or is punctuation) by at least half of the shorter of
// the two, a negative one when it overlaps no annotated content; one that
// matches another attribution ("polls show", "Trump wants") is left out. An averaged perceptron learns which
// proposals to keep from their features (quotes.Features). Before the final
// fit on every article, a 5-fold cross-validation over the articles prints
// the precision and recall of the kept proposals against the annotations.
// The run is deterministic: same data, same weights.
//
// The weights are derived from PolNeAR (Newell, Margolin & Ruths, "An
// attribution relations corpus for political news", LREC 2018,
// github.com/networkdynamics/PolNeAR); the texts are not shipped.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/quotes"
	"github.com/geokg/geokg/extract/text"
)

func main() {
	dir := flag.String("polnear", "../shared/train/polnear", "PolNeAR training split: text/ and attributions/")
	out := flag.String("out", "extract/quotes/attribution.weights", "weights file to write")
	epochs := flag.Int("epochs", 8, "perceptron passes over the data")
	flag.Parse()
	t0 := time.Now()
	docs, err := load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	t, lt := cv(docs, *epochs)
	w := fit(docs, *epochs, nil)
	w[quotes.Threshold], w[quotes.LooseThreshold] = t, lt
	if err := write(*out, w); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d articles, %d features written to %s in %v\n", len(docs), len(w), *out, time.Since(t0).Round(time.Millisecond))
}

// example is one proposed statement: its features and whether it matches
// an annotated attribution.
type example struct {
	c   quotes.Candidate
	pos bool
	// other: it matches an attribution that is no speech ("polls show",
	// "Trump wants"): neither right nor wrong, left out of training
	other bool
}

// doc is one article's proposals and the number of annotated contents.
type doc struct {
	name string
	ex   []example
	gold int
	gi   []int // per example: the gold content it matches, or -1
}

// load reads every article with its first annotator's attributions
// (alphabetically, as the evaluation sets do) and turns it into examples.
func load(dir string) ([]doc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	sort.Strings(anns)
	first := map[string]string{}
	var names []string
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		n := base[:i]
		if _, ok := first[n]; !ok {
			first[n] = a
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no .ann files under %s/attributions", dir)
	}
	var docs []doc
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, "text", n+".txt"))
		if err != nil {
			return nil, fmt.Errorf("read text: %w", err)
		}
		t := string(b)
		contents, speech, err := readContents(first[n], t)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", first[n], err)
		}
		d := doc{name: n}
		for _, sp := range speech {
			if sp {
				d.gold++
			}
		}
		for _, c := range quotes.Candidates(t, text.Sentences(t)) {
			gi := match(c.Content, contents)
			e := example{c: c, pos: gi >= 0 && speech[gi], other: gi >= 0 && !speech[gi]}
			d.ex = append(d.ex, e)
			d.gi = append(d.gi, gi)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// readContents returns the byte spans of the Content annotations that take
// part in an attribution (brat offsets count characters).
func readContents(path, t string) ([][][2]int, []bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// character offset -> byte offset
	pos := make([]int, 0, len(t)+1)
	for i := range t {
		pos = append(pos, i)
	}
	pos = append(pos, len(t))
	byteAt := func(c int) int {
		if c < 0 {
			return 0
		}
		if c >= len(pos) {
			return len(t)
		}
		return pos[c]
	}
	spans := map[string][][2]int{}
	cues := map[string]string{}
	type link struct{ content, cue string }
	var linked []link
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 2 || len(p[0]) < 2 {
			continue
		}
		switch p[0][0] {
		case 'T':
			typ, rng, ok := strings.Cut(p[1], " ")
			if ok && typ == "Cue" && len(p) > 2 {
				cues[p[0]] = p[2]
			}
			if !ok || typ != "Content" {
				continue
			}
			var ss [][2]int
			for _, part := range strings.Split(rng, ";") {
				se := strings.Fields(part)
				if len(se) != 2 {
					continue
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil || e <= s {
					continue
				}
				ss = append(ss, [2]int{byteAt(s), byteAt(e)})
			}
			spans[p[0]] = ss
		case 'E':
			var l link
			for _, arg := range strings.Fields(p[1]) {
				if k, v, ok := strings.Cut(arg, ":"); ok && k == "Content" {
					l.content = v
				} else if ok && k == "Cue" {
					l.cue = v
				}
			}
			if l.content != "" {
				linked = append(linked, l)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	var out [][][2]int
	var speech []bool
	for _, l := range linked {
		if ss := spans[l.content]; len(ss) > 0 {
			out = append(out, ss)
			speech = append(speech, quotes.SpeechCue(cues[l.cue]))
		}
	}
	return out, speech, nil
}

// match returns the index of the annotated content the span overlaps by at
// least half of the shorter of the two, the best by overlap over union, or -1.
func match(sp quotes.Span, contents [][][2]int) int {
	best, bi := 0.0, -1
	for i, c := range contents {
		glen, ov := 0, 0
		for _, s := range c {
			glen += s[1] - s[0]
			if o := min(sp.End, s[1]) - max(sp.Start, s[0]); o > 0 {
				ov += o
			}
		}
		plen := sp.End - sp.Start
		if ov == 0 || float64(ov) < 0.5*float64(min(glen, plen)) {
			continue
		}
		if r := float64(ov) / float64(glen+plen-ov); r > best {
			best, bi = r, i
		}
	}
	return bi
}

// fit trains an averaged perceptron on the documents not in skip.
func fit(docs []doc, epochs int, skip map[int]bool) map[string]float64 {
	w := map[string]float64{}
	acc := map[string]float64{} // sum over updates of c * delta, for averaging
	c := 1.0
	for ep := 0; ep < epochs; ep++ {
		for di, d := range docs {
			if skip[di] {
				continue
			}
			for _, e := range d.ex {
				if e.other {
					continue
				}
				y := -1.0
				if e.pos {
					y = 1
				}
				if y*quotes.Score(w, e.c.Features) <= 0 {
					for _, f := range e.c.Features {
						w[f] += y
						acc[f] += c * y
					}
				}
				c++
			}
		}
	}
	avg := map[string]float64{}
	for f, v := range w {
		if a := v - acc[f]/c; math.Abs(a) >= 1e-3 {
			avg[f] = a
		}
	}
	return avg
}

// cv runs a 5-fold cross-validation over the articles: it prints the
// precision and recall (against the annotated attributions of speech) of
// all the proposals, of each construction, and of those the model keeps for
// each pair of thresholds (all proposals, loose ones); it returns the pair
// with the best F1.
func cv(docs []doc, epochs int) (float64, float64) {
	grid := []float64{0, 1, 2, 4, 1e9}         // below 0 a proposal is kept that the model deems more likely wrong
	res := make([][3]int, len(grid)*len(grid)) // matched gold, predictions, true predictions
	var all [3]int
	gold := 0
	byPat := map[string][4]int{} // proposals, right, kept, kept right
	for k := 0; k < 5; k++ {
		skip := map[int]bool{}
		for i := range docs {
			if i%5 == k {
				skip[i] = true
			}
		}
		w := fit(docs, epochs, skip)
		for i, d := range docs {
			if !skip[i] {
				continue
			}
			gold += d.gold
			count(&all, d, func(quotes.Candidate) bool { return true })
			w[quotes.Threshold], w[quotes.LooseThreshold] = 0, 0
			for _, e := range d.ex {
				if e.other {
					continue
				}
				r := byPat[pattern(e.c.Features)]
				r[0]++
				kept := quotes.Keep(w, e.c)
				if e.pos {
					r[1]++
				}
				if kept {
					r[2]++
					if e.pos {
						r[3]++
					}
				}
				byPat[pattern(e.c.Features)] = r
			}
			for ti, t := range grid {
				for li, lt := range grid {
					w[quotes.Threshold], w[quotes.LooseThreshold] = t, lt
					count(&res[ti*len(grid)+li], d, func(c quotes.Candidate) bool { return quotes.Keep(w, c) })
				}
			}
		}
	}
	f1 := func(name string, r [3]int) float64 {
		p := float64(r[2]) / math.Max(1, float64(r[1]))
		rc := float64(r[0]) / math.Max(1, float64(gold))
		f := 2 * p * rc / math.Max(1e-9, p+rc)
		fmt.Fprintf(os.Stderr, "5-fold %-22s proposals %6d  P %.3f  R %.3f  F1 %.4f (%d attributions)\n", name, r[1], p, rc, f, gold)
		return f
	}
	f1("rules", all)
	pats := make([]string, 0, len(byPat))
	for p := range byPat {
		pats = append(pats, p)
	}
	sort.Strings(pats)
	for _, p := range pats {
		r := byPat[p]
		fmt.Fprintf(os.Stderr, "  %-18s (thresholds 0) proposals %6d  right %6d  kept %6d  kept right %6d\n", p, r[0], r[1], r[2], r[3])
	}
	best, bt, blt := -1.0, 0.0, 0.0
	for ti, t := range grid {
		for li, lt := range grid {
			name := fmt.Sprintf("model, thresholds %g/%g", t, lt)
			if f := f1(name, res[ti*len(grid)+li]); f > best+1e-9 {
				best, bt, blt = f, t, lt
			}
		}
	}
	fmt.Fprintf(os.Stderr, "chosen thresholds: %g, loose %g (F1 %.4f)\n", bt, blt, best)
	return bt, blt
}

// pattern returns the construction named in a candidate's features.
func pattern(feats []string) string {
	p := ""
	for _, f := range feats {
		if strings.HasPrefix(f, "p=") {
			p = f[2:]
		} else if strings.HasPrefix(f, "loose=") {
			p += "/" + f[6:]
		}
	}
	return p
}

// count adds a document's matched gold, kept proposals and true kept
// proposals to r.
func count(r *[3]int, d doc, keep func(quotes.Candidate) bool) {
	hit := map[int]bool{}
	for j, e := range d.ex {
		if !keep(e.c) || e.other {
			continue
		}
		r[1]++
		if e.pos {
			r[2]++
			hit[d.gi[j]] = true
		}
	}
	r[0] += len(hit)
}

// write stores the weights sorted by feature, one "feature<TAB>weight" a line.
func write(path string, w map[string]float64) error {
	keys := make([]string, 0, len(w))
	for f := range w {
		if strings.ContainsAny(f, "\t\n") || !utf8.ValidString(f) {
			continue
		}
		keys = append(keys, f)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, f := range keys {
		b.WriteString(f)
		b.WriteByte('\t')
		b.WriteString(strconv.FormatFloat(w[f], 'g', 4, 64))
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	return nil
}
