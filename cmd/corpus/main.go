// Command corpus writes a content folder for measuring search at scale: the
// site's real content plus N synthetic statistical publications, the same
// N giving the same files every time. Point the server at it with
// -content; it is never part of the default content.
//
//	go run ./cmd/corpus -n 20000 -out /tmp/corpus-20000
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"nhsdigital/content"
	"nhsdigital/content/pagetype"
)

var bases = []string{
	"Hospital Episode Statistics", "Mental Health Services Monthly Statistics", "NHS Workforce Statistics",
	"Appointments in General Practice", "Prescription Cost Analysis", "Statistics on Alcohol",
	"Smoking, Drinking and Drug Use among Young People", "Quality and Outcomes Framework",
	"Learning Disability Services Monthly Statistics", "Psychological Therapies", "Patients Registered at a GP Practice",
	"NHS Sickness Absence Rates", "Maternity Services Monthly Statistics", "Cancer Registration Statistics",
	"National Diabetes Audit", "Out of Area Placements in Mental Health Services", "Female Genital Mutilation",
	"Adult Social Care Activity and Finance", "Personal Social Services Survey of Adult Carers",
	"Statistics on Obesity, Physical Activity and Diet", "Hospital Accident and Emergency Activity",
	"Emergency Care Data Set", "Community Services Statistics", "Medicines Used in Mental Health",
	"Health Survey for England", "National Child Measurement Programme", "NHS Dental Statistics",
	"General Pharmaceutical Services", "NHS Vacancy Statistics", "Deprivation of Liberty Safeguards",
	"Safeguarding Adults", "Provisional Monthly Hospital Episode Statistics", "Mixed Sex Accommodation Breaches",
	"Summary Hospital-level Mortality Indicator", "Cancer Survival in England", "Child and Adolescent Mental Health",
	"Diagnostic Imaging Dataset", "Referral to Treatment Waiting Times", "Bowel Cancer Screening", "Breast Screening Programme",
}

var variants = []string{"", " by Region", " by Age and Sex", ": Experimental Statistics", ": Data Quality"}

var topics = []string{"Hospital care", "Mental health", "Primary care", "Prescribing", "Public health", "Workforce",
	"Social care", "Cancer", "Children and young people", "Maternity", "Urgent and emergency care", "Screening"}

var infoTypes = []string{"Official statistics", "National statistics", "Management information", "Experimental statistics"}
var granularities = []string{"Country", "Regions", "Integrated Care Boards", "Sub Integrated Care Board locations", "Local authorities", "GP practices", "Hospital trusts"}
var regions = []string{"North East and Yorkshire", "North West", "Midlands", "East of England", "London", "South East", "South West"}
var words = strings.Fields(`patients activity admissions appointments referrals waiting times rates adults children
 people services providers trusts practices clinics prescriptions items costs spending workforce staff nurses doctors
 vacancies screening coverage uptake outcomes mortality survival diagnoses treatments therapies beds attendances
 emergency elective outpatient inpatient community hospital primary secondary care quality measures indicators
 population deprivation ethnicity gender age groups trends increase decrease compared previous year month quarter
 estimates records submissions data collection completeness validation methodology coverage england region local`)

func main() {
	n := flag.Int("n", 20000, "number of synthetic publications")
	out := flag.String("out", "", "folder to write (made empty first)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "corpus: say where to write with -out")
		os.Exit(2)
	}
	if err := write(*n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func write(n int, out string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	// The real content first.
	err := fs.WalkDir(content.Embedded(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.Embedded(), p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(out, p), b)
	})
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(uint64(n), 20261122))
	ns := uuid.MustParse("6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60")
	id := func(s string) string { return uuid.NewSHA1(ns, []byte(s)).String() }
	type series struct{ name, slug string }
	var all []series
	for _, b := range bases {
		for _, v := range variants {
			name := b + v
			all = append(all, series{name, slugify(name)})
		}
	}
	perSeries := (n + len(all) - 1) / len(all)
	if perSeries < 1 {
		perSeries = 1
	}
	written := 0
	for si, s := range all {
		if written >= n {
			break
		}
		dir := "/data-and-information/publications/statistical/synthetic-" + s.slug
		sdoc := map[string]any{
			"id": id(dir), "type": "series", "path": dir, "title": s.name,
			"summary": "Synthetic series for measuring search: " + strings.ToLower(s.name) + " in England.",
			"status":  "published", "published": "2015-01-01", "lastEdited": "2024-01-01T09:00:00Z",
			"topics": []string{topics[si%len(topics)]},
		}
		if err := writePage(filepath.Join(out, "pages"+dir+content.PageExt), sdoc); err != nil {
			return err
		}
		month := time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)
		for e := 0; e < perSeries && written < n; e++ {
			start := month.AddDate(0, -e, 0)
			end := start.AddDate(0, 1, -1)
			pub := end.AddDate(0, 0, 14+rng.IntN(20))
			edition := strings.ToLower(start.Format("January-2006"))
			p := dir + "/" + edition
			title := s.name + ", " + start.Format("January 2006")
			rate := 40 + rng.Float64()*55
			count := 1000 + rng.IntN(900000)
			para := func(k int) string {
				w := make([]string, k)
				for i := range w {
					w[i] = words[rng.IntN(len(words))]
				}
				w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
				return strings.Join(w, " ") + "."
			}
			var rows [][]string
			for _, r := range regions {
				rows = append(rows, []string{r, fmt.Sprint(count / 7 * (80 + rng.IntN(40)) / 100), fmt.Sprintf("%.1f%%", rate-5+rng.Float64()*10)})
			}
			gran := []string{"Country"}
			for _, g := range granularities[1:] {
				if rng.IntN(3) == 0 {
					gran = append(gran, g)
				}
			}
			doc := map[string]any{
				"id": id(p), "type": "publication", "path": p, "title": title,
				"summary":            fmt.Sprintf("%s for %s: %s people counted, a rate of %.1f%%.", s.name, start.Format("January 2006"), fmtInt(count), rate),
				"status":             "published",
				"published":          pub.Format("2006-01-02"),
				"lastEdited":         pub.Format("2006-01-02") + "T09:30:00Z",
				"topics":             []string{topics[si%len(topics)], topics[(si+1+rng.IntN(len(topics)-1))%len(topics)]},
				"informationType":    []string{infoTypes[rng.IntN(len(infoTypes))]},
				"geographicCoverage": []string{"England"},
				"granularity":        gran,
				"series":             dir,
				"coverageStart":      start.Format("2006-01-02"),
				"coverageEnd":        end.Format("2006-01-02"),
				"keyFacts": []map[string]string{
					{"value": fmtInt(count), "label": "people counted in " + start.Format("January 2006")},
					{"value": fmt.Sprintf("%.1f%%", rate), "label": "rate across England"},
				},
				"resources": []map[string]string{
					{"title": title + ": data tables", "href": p + "#resources", "format": "CSV", "size": fmt.Sprintf("%d KB", 40+rng.IntN(900))},
				},
				"body": []map[string]any{
					{"type": "heading", "level": 2, "text": "Summary"},
					{"type": "paragraph", "text": para(40 + rng.IntN(30))},
					{"type": "heading", "level": 2, "text": "Key findings"},
					{"type": "list", "items": []string{para(15), para(18), para(12)}},
					{"type": "table", "caption": "By NHS England region", "head": []string{"Region", "Count", "Rate"}, "rows": rows},
					{"type": "heading", "level": 2, "text": "Methodology"},
					{"type": "paragraph", "text": para(50 + rng.IntN(40))},
				},
			}
			if err := writePage(filepath.Join(out, "pages"+p+content.PageExt), doc); err != nil {
				return err
			}
			written++
		}
	}
	fmt.Printf("wrote %d synthetic publications in %d series, with the site's content, to %s\n", written, min(len(all), (n+perSeries-1)/perSeries), out)
	return nil
}

func fmtInt(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func slugify(s string) string { return pagetype.Slug(s) }

// writePage writes a page as the Markdown file an editor would write.
func writePage(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	md, err := content.ToMarkdown(b)
	if err != nil {
		return err
	}
	return writeFile(path, md)
}

func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
