package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Raw
		err  string
	}{
		{"full", `{"url":"https://x.example/a","title":"T","published_at":"2017-04-12","source":"Wire","text":"Body."}`,
			Raw{URL: "https://x.example/a", Title: "T", PublishedAt: "2017-04-12", Source: "Wire", Text: "Body."}, ""},
		{"date alias", `{"title":"T","date":"2017-04-12","text":"Body."}`, Raw{Title: "T", PublishedAt: "2017-04-12", Text: "Body."}, ""},
		{"published alias", `{"title":"T","published":"Wed, 12 Apr 2017 10:00:00 GMT","text":"Body."}`,
			Raw{Title: "T", PublishedAt: "Wed, 12 Apr 2017 10:00:00 GMT", Text: "Body."}, ""},
		{"html", `{"url":"u","html":"<p>Hi</p>"}`, Raw{URL: "u", HTML: "<p>Hi</p>"}, ""},
		{"content with markup is html", `{"content":"<html><body><p>Hi</p></body></html>"}`, Raw{HTML: "<html><body><p>Hi</p></body></html>"}, ""},
		{"body alias", `{"body":"Plain."}`, Raw{Text: "Plain."}, ""},
		{"bom and space", "\ufeff  {\"text\":\"x\"}\n", Raw{Text: "x"}, ""},
		{"unknown fields ignored", `{"text":"x","tags":["a"],"n":5}`, Raw{Text: "x"}, ""},
		{"empty", "", Raw{}, "empty input"},
		{"array", `[{"text":"x"}]`, Raw{}, "not a JSON object"},
		{"invalid", `{"text":"x"`, Raw{}, "parse article json"},
		{"no text", `{"title":"T"}`, Raw{}, `no "text" or "html"`},
		{"wrong type", `{"text":5}`, Raw{}, `field "text" must be a string`},
		{"trailing garbage", `{"text":"x"} {"text":"y"}`, Raw{}, "parse article json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseJSON([]byte(tt.in))
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
