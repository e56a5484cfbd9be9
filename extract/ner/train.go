package ner

import (
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs   int // passes over the data (default 10)
	MinCount int // features seen fewer times are dropped (default 2)
	// Prune drops features whose largest quantised weight is below it (default 2).
	Prune int
	Seed  uint64 // shuffling seed (default 1)
	Log   func(format string, args ...any)
}

// Train fits a model to docs (whose Dict labels are already filled) and
// writes it to w. The same docs and options always give the same bytes.
func Train(docs []Document, opts TrainOptions, w io.Writer) error {
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 2
	}
	if opts.Prune <= 0 {
		opts.Prune = 2
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	logf := opts.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	// features of every candidate token, as hashes
	type sent struct {
		feats [][]uint64 // nil for a token that cannot be in a name
		gold  []int
	}
	var sents []sent
	count := map[uint64]int32{}
	var sf sentFeats
	for _, d := range docs {
		info := newDocInfo(d.Sents, nil)
		for si, s := range d.Sents {
			sf.prepare(s)
			up := upperSentence(s.Words)
			st := sent{feats: make([][]uint64, len(s.Words)), gold: make([]int, len(s.Words))}
			for i := range s.Words {
				st.gold[i] = max(tagIndex(d.Tags[si][i]), 0)
				if !sf.cand[i] {
					continue
				}
				st.feats[i] = sf.features(nil, s, i, up, info)
				for _, h := range st.feats[i] {
					count[h]++
				}
			}
			sents = append(sents, st)
		}
	}
	// intern frequent features in order of first use
	ids := map[uint64]int32{}
	var hashes []uint64
	type isent struct {
		feats [][]int32
		gold  []int
	}
	data := make([]isent, len(sents))
	for n, st := range sents {
		is := isent{feats: make([][]int32, len(st.feats)), gold: st.gold}
		for i, fs := range st.feats {
			if fs == nil {
				continue
			}
			is.feats[i] = []int32{}
			for _, h := range fs {
				if count[h] < int32(opts.MinCount) {
					continue
				}
				id, ok := ids[h]
				if !ok {
					id = int32(len(hashes))
					ids[h] = id
					hashes = append(hashes, h)
				}
				is.feats[i] = append(is.feats[i], id)
			}
		}
		data[n] = is
	}
	sents, count, ids = nil, nil, nil
	nf := len(hashes)
	logf("%d sentences, %d features", len(data), nf)

	wt := make([]int32, nf*NumTags)
	acc := make([]int64, nf*NumTags) // sum of step * update, for averaging
	var trans [NumTags + 1][NumTags]int32
	var tacc [NumTags + 1][NumTags]int64
	t := &Tagger{}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6e6572))
	step := int64(1)
	for ep := 0; ep < opts.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, si := range order {
			s := data[si]
			n := len(s.gold)
			t.em = slices.Grow(t.em[:0], n)[:n]
			for i := range n {
				e := &t.em[i]
				*e = [NumTags]int32{}
				if s.feats[i] == nil {
					for k := 1; k < NumTags; k++ {
						e[k] = masked
					}
					continue
				}
				for _, id := range s.feats[i] {
					for k := range NumTags {
						e[k] += wt[int(id)*NumTags+k]
					}
				}
			}
			pred := t.viterbi(t.em, NumTags, false, &trans)
			toks += n
			upd := func(tags []int, d int32) {
				for i, k := range tags {
					p := NumTags
					if i > 0 {
						p = tags[i-1]
					}
					trans[p][k] += d
					tacc[p][k] += step * int64(d)
					for _, id := range s.feats[i] {
						wt[int(id)*NumTags+k] += d
						acc[int(id)*NumTags+k] += step * int64(d)
					}
				}
			}
			if !slices.Equal(pred, s.gold) {
				for i := range n {
					if pred[i] != s.gold[i] {
						errs++
					}
				}
				pred = slices.Clone(pred)
				upd(s.gold, 1)
				upd(pred, -1)
			}
			step++
		}
		logf("epoch %d: %d of %d tokens wrong", ep+1, errs, toks)
	}
	// averaged weights, quantised to int16 on one scale
	avg := func(w int32, a int64) float64 { return float64(w) - float64(a)/float64(step) }
	maxAbs := 0.0
	for i := range wt {
		maxAbs = math.Max(maxAbs, math.Abs(avg(wt[i], acc[i])))
	}
	for p := range trans {
		for k := range trans[p] {
			maxAbs = math.Max(maxAbs, math.Abs(avg(trans[p][k], tacc[p][k])))
		}
	}
	scale := maxAbs / 32000
	q := func(w int32, a int64) int16 { return int16(math.Round(avg(w, a) / scale)) }
	var qt [NumTags + 1][NumTags]int32
	for p := range trans {
		for k := range trans[p] {
			qt[p][k] = int32(q(trans[p][k], tacc[p][k]))
		}
	}
	// keep features with a weight worth shipping, sorted by key
	type feat struct {
		key uint32
		w   [NumTags]int16
	}
	byKey := map[uint32]*feat{}
	for id, h := range hashes {
		var fw [NumTags]int16
		keep := false
		for k := range NumTags {
			fw[k] = q(wt[id*NumTags+k], acc[id*NumTags+k])
			if abs16(fw[k]) >= opts.Prune {
				keep = true
			}
		}
		if !keep {
			continue
		}
		k := key(h)
		if f, ok := byKey[k]; ok { // a 32-bit collision: the two share weights
			for x := range NumTags {
				f.w[x] = sat16(int32(f.w[x]) + int32(fw[x]))
			}
			continue
		}
		byKey[k] = &feat{key: k, w: fw}
	}
	keys := make([]uint32, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	weights := make([]int16, 0, len(keys)*NumTags)
	for _, k := range keys {
		weights = append(weights, byKey[k].w[:]...)
	}
	logf("shipping %d of %d features", len(keys), nf)
	return encodeModel(w, float32(scale), &qt, keys, weights)
}

func abs16(v int16) int {
	if v < 0 {
		return -int(v)
	}
	return int(v)
}

func sat16(v int32) int16 {
	return int16(max(min(v, math.MaxInt16), math.MinInt16))
}

// Spans returns the names of an IOB2 tag sequence.
func Spans(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); {
		if tags[i] == "O" || len(tags[i]) < 3 {
			i++
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: typ})
		i = j
	}
	return out
}
