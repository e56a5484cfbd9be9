package schema

// ContractVersion is the version of the extraction JSON contract.
const ContractVersion = "1"

// Actor kinds.
const (
	KindCountry      = "country"
	KindPerson       = "person"
	KindOrganization = "organization"
	KindGroup        = "group"
)

// Location kinds.
const (
	LocCountry  = "country"
	LocAdmin1   = "admin1"
	LocCity     = "city"
	LocRegion   = "region"
	LocWater    = "water"
	LocFacility = "facility"
	LocOther    = "other"
)

// Statement kinds.
const (
	StatementDirect   = "direct"
	StatementIndirect = "indirect"
)

// Document is the extraction result for one article: the value
// `geokg extract --json` prints and `geokg ingest` writes.
type Document struct {
	Article    Article     `json:"article"`
	Actors     []Actor     `json:"actors"`
	Locations  []Location  `json:"locations"`
	Events     []Event     `json:"events"`
	Statements []Statement `json:"statements"`
	// Extractor is the version of the extractor that produced the document.
	Extractor string `json:"extractor,omitempty"`
}

// Article is the cleaned article; every offset in a Document points into Text.
type Article struct {
	ID          string  `json:"id"`
	Title       *string `json:"title"`
	URL         *string `json:"url"`
	Source      *string `json:"source"`
	PublishedAt *string `json:"published_at"`
	Text        string  `json:"text"`
	// File is the local file the article was read from (absolute, with
	// forward slashes), "" for other inputs. It is not part of the JSON
	// contract: the graph keeps it so that 'ingest --prune' can remove the
	// articles of deleted files.
	File string `json:"-"`
}

// Span is a half-open byte range [Start, End) of Article.Text with its text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Role is a position a person holds, as stated in the text.
type Role struct {
	Title string `json:"title"`
	// Of is the actor id of the country or organisation, or "".
	Of string `json:"of,omitempty"`
}

// Actor is one real actor: a country, person, organisation or group.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Country  *string  `json:"country"`
	Aliases  []string `json:"aliases"`
	Roles    []Role   `json:"roles,omitempty"`
	Mentions []Span   `json:"mentions"`
}

// Location is a geocoded place.
type Location struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Country  *string  `json:"country"`
	Lat      *float64 `json:"lat"`
	Lon      *float64 `json:"lon"`
	Mentions []Span   `json:"mentions"`
}

// Quantity is a number stated about an event ("59 Tomahawk missiles").
type Quantity struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text"`
}

// Event is one typed interaction between actors.
type Event struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Cameo      *string    `json:"cameo"`
	Source     []string   `json:"source"`
	Target     []string   `json:"target"`
	Location   *string    `json:"location"`
	Date       *string    `json:"date"`
	Fatalities *int       `json:"fatalities"`
	Quantities []Quantity `json:"quantities"`
	Evidence   Span       `json:"evidence"`
	Confidence float64    `json:"confidence"`
}

// Statement is a direct quote or reported speech.
type Statement struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	Text       string   `json:"text"`
	Speaker    *string  `json:"speaker"`
	About      []string `json:"about"`
	Evidence   Span     `json:"evidence"`
	Confidence float64  `json:"confidence"`
}

// PLOVER event types, in the order of the contract.
var EventTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
	"MOBILIZE", "COERCE", "ASSAULT",
}

// Cooperative reports whether a PLOVER type is on the cooperation side of the
// scale; the others are conflictual (used by the INTERACTS_WITH rollup).
func Cooperative(eventType string) bool {
	switch eventType {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT":
		return true
	}
	return false
}
