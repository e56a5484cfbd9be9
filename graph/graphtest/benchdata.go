package graphtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"
)

var (
	benchCountries = []struct{ name, adj, capital string }{
		{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Japan", "Japanese", "Tokyo"},
		{"India", "Indian", "New Delhi"}, {"Brazil", "Brazilian", "Brasilia"}, {"Kenya", "Kenyan", "Nairobi"},
		{"Egypt", "Egyptian", "Cairo"}, {"Turkey", "Turkish", "Ankara"}, {"Poland", "Polish", "Warsaw"},
		{"Mexico", "Mexican", "Mexico City"}, {"Canada", "Canadian", "Ottawa"}, {"Nigeria", "Nigerian", "Abuja"},
		{"Pakistan", "Pakistani", "Islamabad"}, {"Indonesia", "Indonesian", "Jakarta"}, {"Spain", "Spanish", "Madrid"},
		{"Italy", "Italian", "Rome"}, {"Sweden", "Swedish", "Stockholm"}, {"Chile", "Chilean", "Santiago"},
		{"Vietnam", "Vietnamese", "Hanoi"}, {"Ethiopia", "Ethiopian", "Addis Ababa"},
	}
	benchFirst = []string{"Anna", "Pavel", "Maria", "Kenji", "Amina", "Carlos", "Sofia", "Omar", "Lena", "Ravi"}
	benchLast  = []string{"Novak", "Ito", "Haddad", "Silva", "Okafor", "Berg", "Rossi", "Khan", "Duarte", "Weber"}
	benchVerbs = []string{
		"accused %s of violating the ceasefire",
		"signed a trade agreement with %s",
		"imposed sanctions on %s",
		"sent humanitarian aid to %s",
		"threatened to cut diplomatic ties with %s",
		"held talks with %s",
		"rejected a proposal from %s",
		"expelled two diplomats from %s",
	}
)

// BenchArticles generates n distinct news-like articles as JSON lines
// ({url, title, published_at, text}), the same for the same n and seed: the
// input of the ingest and write benchmarks.
func BenchArticles(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 42))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := benchCountries[r.IntN(len(benchCountries))]
		b := benchCountries[r.IntN(len(benchCountries))]
		for b.name == a.name {
			b = benchCountries[r.IntN(len(benchCountries))]
		}
		c := benchCountries[r.IntN(len(benchCountries))]
		person := benchFirst[r.IntN(len(benchFirst))] + " " + benchLast[r.IntN(len(benchLast))]
		date := day.AddDate(0, 0, r.IntN(365))
		text := fmt.Sprintf("%s — %s Foreign Minister %s said on Monday that %s had %s. ",
			a.capital, a.adj, person, a.name, fmt.Sprintf(benchVerbs[r.IntN(len(benchVerbs))], b.name))
		text += fmt.Sprintf(`"We will not accept this," %s told reporters in %s. `, person, a.capital)
		text += fmt.Sprintf("%s %s, officials in %s said on Tuesday. ", b.name, fmt.Sprintf(benchVerbs[r.IntN(len(benchVerbs))], c.name), b.capital)
		text += fmt.Sprintf("Protesters gathered outside the %s embassy in %s. Report number %d.", c.adj, b.capital, i)
		_ = enc.Encode(map[string]string{
			"url":          fmt.Sprintf("https://bench.example/%d", i),
			"title":        fmt.Sprintf("%s and %s: report %d", a.name, b.name, i),
			"published_at": date.Format("2006-01-02"),
			"text":         text,
		})
	}
	return buf.Bytes()
}
