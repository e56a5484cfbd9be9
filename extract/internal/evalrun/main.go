package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"

	"github.com/geokg/geokg/extract"
	"github.com/geokg/geokg/schema"
)

func main() {
	published := flag.String("published", "", "publication date for relative dates")
	summary := flag.Bool("summary", false, "print a readable summary instead of JSON")
	in := flag.String("in", "", "directory of articles")
	out := flag.String("out", "", "directory for the JSON outputs")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *in != "" {
		if err := runDir(ex, *in, *out, *published); err != nil {
			fmt.Fprintln(os.Stderr, err)
			pprof.StopCPUProfile()
			os.Exit(1)
		}
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: evalrun [-published DATE] [-summary] FILE | -in DIR -out DIR")
		os.Exit(2)
	}
	d, err := one(ex, flag.Arg(0), *published)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *summary {
		_ = extract.WriteSummary(os.Stdout, d)
		return
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(d)
}

func one(ex *extract.Extractor, path, published string) (schema.Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return schema.Document{}, err
	}
	input, err := extract.ReadInput(path, b)
	if err != nil {
		return schema.Document{}, err
	}
	if published != "" && input.PublishedAt == "" {
		input.PublishedAt = published
	}
	return ex.Extract(context.Background(), input)
}

func runDir(ex *extract.Extractor, in, out, published string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	ents, err := os.ReadDir(in)
	if err != nil {
		return err
	}
	var files []string
	for _, e := range ents {
		n := e.Name()
		if strings.HasSuffix(n, ".gold.json") || e.IsDir() {
			continue
		}
		switch filepath.Ext(n) {
		case ".txt", ".json", ".html":
			files = append(files, n)
		}
	}
	sort.Strings(files)
	jobs := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				d, err := one(ex, filepath.Join(in, n), published)
				if err != nil {
					mu.Lock()
					failed++
					fmt.Fprintf(os.Stderr, "%s: %v\n", n, err)
					mu.Unlock()
					continue
				}
				b, _ := json.Marshal(d)
				base := strings.TrimSuffix(n, filepath.Ext(n))
				if err := os.WriteFile(filepath.Join(out, base+".json"), b, 0o644); err != nil {
					fmt.Fprintln(os.Stderr, err)
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Fprintf(os.Stderr, "evalrun: %d files, %d failed\n", len(files), failed)
	return nil
}
