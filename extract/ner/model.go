package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

//go:embed model.bin
var embedded []byte

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	scale float32                     // weight = int16 * scale
	trans [NumTags + 1][NumTags]int32 // trans[p][t]; p == NumTags is the sentence start
	slots []slot                      // open-addressing table of features
	mask  uint32
}

var (
	loadOnce sync.Once
	loaded   *Model
	loadErr  error
)

// Load returns the embedded model, decoded once per process.
func Load() (*Model, error) {
	loadOnce.Do(func() {
		loaded, loadErr = Decode(bytes.NewReader(embedded))
		if loadErr != nil {
			loadErr = fmt.Errorf("load embedded name tagger: %w", loadErr)
		}
	})
	return loaded, loadErr
}

const magic = "GKNER1\n"

// Span is a proposed name: words [Start, End) of a sentence, its type
// (PER, ORG, LOC or MISC) and the tagger's margin, the lowest over its words
// of how much the chosen tag beat the best other tag (larger is surer).
type Span struct {
	Start, End int
	Type       string
	Margin     float32
}

// slot is a feature's key (0: empty) with its weights, side by side so a
// look-up touches one cache line.
type slot struct {
	key uint32
	w   [NumTags]int16
}

// key folds a 64-bit feature hash to the shipped 32-bit key (never 0).
func key(h uint64) uint32 {
	k := uint32(h ^ h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

func (m *Model) lookup(k uint32) *slot {
	for i := k & m.mask; ; i = (i + 1) & m.mask {
		switch sl := &m.slots[i]; sl.key {
		case k:
			return sl
		case 0:
			return nil
		}
	}
}

// Tagger tags the sentences of documents with a Model. A Tagger keeps
// buffers between calls: use one per goroutine.
type Tagger struct {
	m     *Model
	sf    sentFeats
	feats []uint64
	em    [][NumTags]int32
	vit   [][NumTags]int32
	beta  [][NumTags]int32
	back  [][NumTags]int8
	tags  []int
}

// NewTagger returns a Tagger using m.
func NewTagger(m *Model) *Tagger { return &Tagger{m: m} }

// TagDocument returns the names proposed in each sentence of a document.
// lower, when not nil, holds the words of the document that start with a
// lower-case letter (the caller may know them already); nil computes them.
func (t *Tagger) TagDocument(sents []Sentence, lower map[string]bool) [][]Span {
	d := newDocInfo(sents, lower)
	out := make([][]Span, len(sents))
	for i, s := range sents {
		out[i] = t.tagSentence(s, d.ups[i], d)
	}
	return out
}

// emissions fills t.em with the score of each tag at each token (up: the
// sentence is in capitals); tokens that cannot be in a name get only O.
func (t *Tagger) emissions(s Sentence, up bool, d *docInfo) {
	n := len(s.Words)
	t.sf.prepare(s)
	t.em = slices.Grow(t.em[:0], n)[:n]
	for i := range n {
		e := &t.em[i]
		*e = [NumTags]int32{}
		if !t.sf.cand[i] {
			for k := 1; k < NumTags; k++ {
				e[k] = masked
			}
			continue
		}
		t.feats = t.sf.features(t.feats[:0], s, i, up, d)
		for _, h := range t.feats {
			if sl := t.m.lookup(key(h)); sl != nil {
				for k := range NumTags {
					e[k] += int32(sl.w[k])
				}
			}
		}
	}
}

// viterbi decodes the emissions em of a stretch of tokens into t.tags.
// p0 is the tag before the stretch (NumTags: the sentence start); toO adds
// the move into the O token after it.
func (t *Tagger) viterbi(em [][NumTags]int32, p0 int, toO bool, trans *[NumTags + 1][NumTags]int32) []int {
	const neg = math.MinInt32 / 4
	n := len(em)
	t.vit = slices.Grow(t.vit[:0], n)[:n]
	t.back = slices.Grow(t.back[:0], n)[:n]
	for i := range n {
		for k := range NumTags {
			best, arg := int32(neg), int8(-1)
			if i == 0 {
				if p0 == NumTags && allowed(-1, k) || p0 < NumTags && allowed(p0, k) {
					best, arg = trans[p0][k], int8(p0)
				}
			} else {
				for p := range NumTags {
					if !allowed(p, k) || t.vit[i-1][p] <= neg {
						continue
					}
					if v := t.vit[i-1][p] + trans[p][k]; v > best {
						best, arg = v, int8(p)
					}
				}
			}
			if arg >= 0 {
				best += em[i][k]
			}
			t.vit[i][k], t.back[i][k] = best, arg
		}
	}
	t.tags = slices.Grow(t.tags[:0], n)[:n]
	if n == 0 {
		return t.tags
	}
	end := func(k int) int32 {
		if toO {
			return t.vit[n-1][k] + trans[k][0]
		}
		return t.vit[n-1][k]
	}
	best := 0
	for k := 1; k < NumTags; k++ {
		if end(k) > end(best) {
			best = k
		}
	}
	for i := n - 1; i >= 0; i-- {
		t.tags[i] = best
		best = int(t.back[i][best])
	}
	return t.tags
}

// backward fills t.beta for the stretch viterbi decoded: the best score of
// the rest of the stretch after each tag at each token. With t.vit it gives
// max-marginals.
func (t *Tagger) backward(em [][NumTags]int32, toO bool, trans *[NumTags + 1][NumTags]int32) {
	const neg = math.MinInt32 / 4
	n := len(em)
	t.beta = slices.Grow(t.beta[:0], n)[:n]
	t.beta[n-1] = [NumTags]int32{}
	if toO {
		for k := range NumTags {
			t.beta[n-1][k] = trans[k][0]
		}
	}
	for i := n - 2; i >= 0; i-- {
		for k := range NumTags {
			best := int32(neg)
			for x := range NumTags {
				if !allowed(k, x) || t.beta[i+1][x] <= neg {
					continue
				}
				if v := trans[k][x] + em[i+1][x] + t.beta[i+1][x]; v > best {
					best = v
				}
			}
			t.beta[i][k] = best
		}
	}
}

// tagSentence tags one sentence; up says it is written in capitals.
func (t *Tagger) tagSentence(s Sentence, up bool, d *docInfo) []Span {
	n := len(s.Words)
	if n == 0 {
		return nil
	}
	t.emissions(s, up, d)
	var out []Span
	// tokens outside names split the sentence: decode each run of candidates
	for rs := 0; rs < n; {
		if !t.sf.cand[rs] {
			rs++
			continue
		}
		re := rs + 1
		for re < n && t.sf.cand[re] {
			re++
		}
		p0 := NumTags
		if rs > 0 {
			p0 = 0
		}
		em := t.em[rs:re]
		tags := t.viterbi(em, p0, re < n, &t.m.trans)
		t.backward(em, re < n, &t.m.trans)
		out = t.spans(out, tags, rs)
		rs = re
	}
	return out
}

// spans appends the names of a decoded run starting at token off.
func (t *Tagger) spans(out []Span, tags []int, off int) []Span {
	n := len(tags)
	for i := 0; i < n; {
		if tags[i] == 0 {
			i++
			continue
		}
		typ := Tags[tags[i]][2:]
		j := i + 1
		for j < n && isInside(tags[j]) && Tags[tags[j]][2:] == typ {
			j++
		}
		margin := float32(math.MaxFloat32)
		b := tags[i]
		if isInside(b) {
			b--
		}
		for k := i; k < j; k++ {
			// max-marginals: the best path through each tag at k
			mm := func(x int) int32 { return t.vit[k][x] + t.beta[k][x] }
			mine, other := max(mm(b), mm(b+1)), int32(math.MinInt32)
			for x := range NumTags {
				if x != b && x != b+1 && mm(x) > other {
					other = mm(x)
				}
			}
			if m := float32(mine-other) * t.m.scale; m < margin {
				margin = m
			}
		}
		out = append(out, Span{Start: off + i, End: off + j, Type: typ, Margin: margin})
		i = j
	}
	return out
}

// ---------------------------------------------------------------- file format

// Encode writes a model: magic, scale, transitions, then the sorted feature
// keys as varint deltas and their weights as zigzag varints, gzipped.
func encodeModel(w io.Writer, scale float32, trans *[NumTags + 1][NumTags]int32, keys []uint32, weights []int16) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	bw.WriteString(magic)
	put(int64(math.Float32bits(scale)))
	put(int64(len(keys)))
	for p := range trans {
		for _, v := range trans[p] {
			put(int64(v))
		}
	}
	prev := uint32(0)
	for _, k := range keys {
		put(int64(k - prev))
		prev = k
	}
	// weights tag-major: similar values sit together and compress better
	for k := range NumTags {
		for i := range keys {
			put(int64(weights[i*NumTags+k]))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a model written by the trainer.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("ner model: not a model file")
	}
	var rerr error
	get := func() int64 {
		v, err := binary.ReadVarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return v
	}
	m := &Model{scale: math.Float32frombits(uint32(get()))}
	n := get()
	if rerr != nil || n < 0 || n > 1<<20 {
		return nil, fmt.Errorf("ner model: bad header (%d features): %v", n, rerr)
	}
	for p := range m.trans {
		for k := range m.trans[p] {
			m.trans[p][k] = int32(get())
		}
	}
	keys := make([]uint32, n)
	prev := uint32(0)
	for i := range keys {
		prev += uint32(get())
		if prev == 0 {
			return nil, errors.New("ner model: zero key")
		}
		keys[i] = prev
	}
	w := make([]int16, int(n)*NumTags)
	for k := range NumTags {
		for i := range int(n) {
			w[i*NumTags+k] = int16(get())
		}
	}
	size := uint32(1)
	for size < uint32(2*n+1) {
		size <<= 1
	}
	m.slots, m.mask = make([]slot, size), size-1
	for i, k := range keys {
		j := k & m.mask
		for m.slots[j].key != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j].key = k
		copy(m.slots[j].w[:], w[i*NumTags:])
	}
	if rerr != nil {
		return nil, fmt.Errorf("ner model: truncated: %w", rerr)
	}
	return m, nil
}

// masked is the emission of a tag a token cannot take; sums of a few stay
// far from overflow.
const masked = math.MinInt32 / 8
