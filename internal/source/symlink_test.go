package source

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// symlinkTree builds real/{a.txt, sub/b.txt, .hidden.txt}, other/c.txt and
// links: link -> real, real/c.txt -> other/c.txt, real/more -> other,
// real/sub/loop -> real (a loop), real/gone.txt -> nowhere.
func symlinkTree(t *testing.T) (base string) {
	t.Helper()
	base = writeFiles(t, map[string]string{
		"real/a.txt":          "Alpha.",
		"real/sub/b.txt":      "Bravo.",
		"real/.hidden.txt":    "Hidden.",
		"other/c.txt":         "Charlie.",
		"other/deep/d.txt":    "Delta.",
		"elsewhere/notes.csv": "x,y",
	})
	link := func(target, name string) {
		require.NoError(t, os.Symlink(target, filepath.Join(base, name)))
	}
	link(filepath.Join(base, "real"), "link")
	link(filepath.Join("..", "other", "c.txt"), "real/c.txt")
	link(filepath.Join(base, "other", "deep"), "real/more")
	link("..", "real/sub/loop")
	link(filepath.Join(base, "missing.txt"), "real/gone.txt")
	return base
}

// walkFiles returns the Item.File of every document and of every error.
func walkFiles(t *testing.T, r *Reader, spec string) (docs, errs []string) {
	t.Helper()
	require.NoError(t, r.Walk(context.Background(), []string{spec}, func(it Item) error {
		if it.Err != nil {
			errs = append(errs, it.File)
		} else {
			docs = append(docs, it.File)
		}
		return nil
	}))
	sort.Strings(docs)
	return docs, errs
}

func TestWalkFollowsSymlinks(t *testing.T) {
	base := symlinkTree(t)
	abs := AbsPath(base)
	for _, root := range []string{"real", "link"} {
		t.Run(root, func(t *testing.T) {
			docs, errs := walkFiles(t, New(Options{}), filepath.Join(base, root))
			r := abs + "/" + root
			assert.Equal(t, []string{r + "/a.txt", r + "/c.txt", r + "/more/d.txt", r + "/sub/b.txt"}, docs,
				"linked files and folders are read under the path they were reached by; the loop is read once")
			assert.Equal(t, []string{r + "/gone.txt"}, errs, "a dangling link is reported")
		})
	}
	// A linked file given directly.
	docs, errs := walkFiles(t, New(Options{}), filepath.Join(base, "real", "c.txt"))
	assert.Empty(t, errs)
	assert.Equal(t, []string{abs + "/real/c.txt"}, docs)
}

func TestHasFiles(t *testing.T) {
	base := symlinkTree(t)
	empty := filepath.Join(base, "empty")
	require.NoError(t, os.MkdirAll(filepath.Join(empty, "nested"), 0o755))
	hidden := writeFiles(t, map[string]string{".DS_Store": "x", ".git/config": "y"})
	onlyLink := t.TempDir()
	require.NoError(t, os.Symlink(filepath.Join(base, "other"), filepath.Join(onlyLink, "o")))
	loop := t.TempDir()
	require.NoError(t, os.Symlink(loop, filepath.Join(loop, "self")))

	for _, c := range []struct {
		path string
		want bool
	}{
		{filepath.Join(base, "link"), true},
		{filepath.Join(base, "elsewhere"), true},
		{filepath.Join(base, "real", "c.txt"), true},
		{empty, false},
		{hidden, false},
		{onlyLink, true},
		{loop, false},
	} {
		got, err := HasFiles(c.path)
		require.NoError(t, err, c.path)
		assert.Equal(t, c.want, got, c.path)
	}
	_, err := HasFiles(filepath.Join(base, "nope"))
	assert.Error(t, err)
}
