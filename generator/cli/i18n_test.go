package cli

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/BurntSushi/toml"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// The interface strings of the site live in i18n/id.toml and i18n/en.toml.
// These tests fail when a key the layouts (or the scripts, through data
// attributes the layouts fill) ask for is missing from either file, when
// the two files do not hold the same keys, or when a translation drops or
// renames a template parameter ({{ .Total }}, {{ . }}) of the Indonesian
// string. Run them alone with: go test ./generator/cli -run I18n -count=1

// i18nRootDir is the project root seen from this package.
const i18nRootDir = "../.."

// i18nLangs are the language files, the first one the reference.
var i18nLangs = []string{"id", "en"}

// i18nDynamic lists the keys the layouts compute instead of writing them
// out: for each such argument of T (as text/template prints it), the
// function that returns every key it can take. A new computed key fails
// TestI18nKeys until it is listed here.
var i18nDynamic = map[string]func() ([]string, error){
	// report-nav.html: view.Page.Nav, the report.PageInfo.Nav of each page.
	".nav": i18nNavKeys,
	// catatan-data.html: one heading and one explanation per finding family.
	`(printf "family_%s" .id)`:           i18nFamilyKeys("family_%s"),
	`(printf "family_%s_explained" .id)`: i18nFamilyKeys("family_%s_explained"),
	// finding-sentence.html, findings-table.html: a finding's severity by its level (report.Severity)
	`(index (slice "severity_info" "severity_warning" "severity_serious") (int .level))`: func() ([]string, error) {
		return []string{"severity_info", "severity_warning", "severity_serious"}, nil
	},
}

// i18nNonText are the data attributes the scripts read that carry no
// interface text (paths, element ids, sort values, severities), so their
// values need not come from i18n. Any other attribute a script reads must
// be filled with T in every layout that sets it.
var i18nNonText = []string{"bundle", "echarts", "merge", "merge-list", "options", "severity", "sort", "target"}

// i18nFamilyKeys returns the keys format gives for every finding family.
func i18nFamilyKeys(format string) func() ([]string, error) {
	return func() ([]string, error) {
		var keys []string
		for _, f := range report.Families {
			keys = append(keys, fmt.Sprintf(format, f))
		}
		return keys, nil
	}
}

// i18nNavKeys returns the navigation keys of the pages of every report in
// data/, which include every page kind the reports there have; every key
// starting with nav_ is compared between the files anyway.
func i18nNavKeys() ([]string, error) {
	reports, err := loadData(i18nRootDir)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var keys []string
	for _, r := range reports {
		for _, p := range r.Pages() {
			if !seen[p.Nav] {
				seen[p.Nav] = true
				keys = append(keys, p.Nav)
			}
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("no report in data/ has pages")
	}
	return keys, nil
}

// i18nFile is one language file: each key's string.
type i18nFile map[string]string

// loadI18nFile reads root/i18n/<lang>.toml. A key may hold a string or,
// for plural forms, a table of strings; a table is kept as its forms
// joined, so that every form is checked for parameters.
func loadI18nFile(root, lang string) (i18nFile, error) {
	var raw map[string]any
	path := filepath.Join(root, "i18n", lang+".toml")
	if _, err := toml.DecodeFile(path, &raw); err != nil {
		return nil, err
	}
	out := i18nFile{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			out[k] = v
		case map[string]any:
			var forms []string
			for _, form := range slices.Sorted(maps.Keys(v)) {
				s, ok := v[form].(string)
				if !ok {
					return nil, fmt.Errorf("%s: %s.%s is not a string", path, k, form)
				}
				forms = append(forms, s)
			}
			out[k] = strings.Join(forms, "\n")
		default:
			return nil, fmt.Errorf("%s: %s is a %T, not a string", path, k, v)
		}
	}
	return out, nil
}

// i18nParams returns the template parameters of one string: ".Name" for
// each field, "." for the dot itself; an error when it does not parse.
func i18nParams(s string) (map[string]bool, error) {
	trees, err := parseTemplate("i18n", s)
	if err != nil {
		return nil, err
	}
	params := map[string]bool{}
	for _, tr := range trees {
		walkTemplate(tr.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.FieldNode:
				params["."+n.Ident[0]] = true
			case *parse.DotNode:
				params["."] = true
			}
		})
	}
	return params, nil
}

// pagefindToken matches Pagefind's placeholders such as [SEARCH_TERM].
var pagefindToken = regexp.MustCompile(`\[[A-Z][A-Z_]*\]`)

// i18nUse is one call of T (or i18n) in a layout.
type i18nUse struct {
	where string // file:line
	key   string // the key, for a literal one
	expr  string // the argument, for a computed key
	// what the call passes to the string: hasArg false when nothing;
	// dict the keys of a (dict …) argument, nil for any other argument
	hasArg bool
	dict   []string
}

// parseTemplate parses a Go/Hugo template without knowing its functions.
func parseTemplate(name, text string) (map[string]*parse.Tree, error) {
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck | parse.ParseComments
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(text, "{{", "}}", trees); err != nil {
		return nil, err
	}
	return trees, nil
}

// walkTemplate calls fn for n and every node below it.
func walkTemplate(n parse.Node, fn func(parse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walkTemplate(c, fn)
		}
	case *parse.ActionNode:
		walkTemplate(n.Pipe, fn)
	case *parse.PipeNode:
		for _, d := range n.Decl {
			walkTemplate(d, fn)
		}
		for _, c := range n.Cmds {
			walkTemplate(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkTemplate(a, fn)
		}
	case *parse.ChainNode:
		walkTemplate(n.Node, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			walkTemplate(n.Pipe, fn)
		}
	}
}

func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	walkTemplate(b.Pipe, fn)
	if b.List != nil {
		walkTemplate(b.List, fn)
	}
	if b.ElseList != nil {
		walkTemplate(b.ElseList, fn)
	}
}

// isTranslate tells whether a command's first word is Hugo's translation
// function: T, i18n or lang.Translate.
func isTranslate(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.IdentifierNode:
		return n.Ident == "T" || n.Ident == "i18n"
	case *parse.ChainNode:
		id, ok := n.Node.(*parse.IdentifierNode)
		return ok && id.Ident == "lang" && len(n.Field) == 1 && n.Field[0] == "Translate"
	}
	return false
}

// layoutI18nUses returns every translation call in the layouts under root.
func layoutI18nUses(root string) ([]i18nUse, error) {
	var uses []i18nUse
	dir := filepath.Join(root, "layouts")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		text := string(b)
		trees, err := parseTemplate(rel, text)
		if err != nil {
			return fmt.Errorf("%s: %v", rel, err)
		}
		for _, tr := range trees {
			walkTemplate(tr.Root, func(n parse.Node) {
				c, ok := n.(*parse.CommandNode)
				if !ok || len(c.Args) < 2 || !isTranslate(c.Args[0]) {
					return
				}
				u := i18nUse{where: fmt.Sprintf("%s:%d", rel, 1+strings.Count(text[:c.Position()], "\n"))}
				if s, ok := c.Args[1].(*parse.StringNode); ok {
					u.key = s.Text
				} else if pipe, ok := c.Args[1].(*parse.PipeNode); ok {
					u.expr = "(" + pipe.String() + ")"
				} else {
					u.expr = c.Args[1].String()
				}
				if len(c.Args) > 2 {
					u.hasArg = true
					u.dict = dictKeys(c.Args[2])
				}
				uses = append(uses, u)
			})
		}
		return nil
	})
	return uses, err
}

// dictKeys returns the keys of a (dict "A" x "B" y) argument, nil for
// any other argument.
func dictKeys(n parse.Node) []string {
	p, ok := n.(*parse.PipeNode)
	if !ok || len(p.Cmds) != 1 || len(p.Decl) > 0 {
		return nil
	}
	args := p.Cmds[0].Args
	if id, ok := args[0].(*parse.IdentifierNode); !ok || id.Ident != "dict" {
		return nil
	}
	keys := []string{}
	for i := 1; i < len(args); i += 2 {
		s, ok := args[i].(*parse.StringNode)
		if !ok {
			return nil // computed dict keys: not checked
		}
		keys = append(keys, s.Text)
	}
	return keys
}

var (
	// scriptAttr matches getAttribute('data-x') and, for a computed name,
	// getAttribute('data-label-' + key) (the name ends with "-").
	scriptAttr = regexp.MustCompile(`getAttribute\(\s*['"]data-([a-z0-9-]+)['"]`)
	// scriptDataset matches el.dataset.someName.
	scriptDataset = regexp.MustCompile(`\.dataset\.([A-Za-z0-9]+)`)
	// layoutAttr matches data-x="…" in a layout, template actions (which
	// may hold quotes) included in the value.
	layoutAttr = regexp.MustCompile(`\sdata-([a-z0-9-]+)="((?:\{\{.*?\}\}|[^"{])*)"`)
	// translated matches a whole value that is one translation call.
	translated = regexp.MustCompile(`^\{\{-?\s*(?:T|i18n|lang\.Translate)\s+"([^"]+)"\s*-?\}\}$`)
	camelHump  = regexp.MustCompile(`[A-Z]`)
)

// scriptDataAttrs returns the data attributes (without "data-") that the
// scripts in assets/js read, each with the script that reads it; a name
// ending in "-" is a prefix.
func scriptDataAttrs(root string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(root, "assets", "js", "*.js"))
	if err != nil {
		return nil, err
	}
	attrs := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		base := filepath.Base(f)
		for _, m := range scriptAttr.FindAllStringSubmatch(string(b), -1) {
			attrs[m[1]] = base
		}
		for _, m := range scriptDataset.FindAllStringSubmatch(string(b), -1) {
			name := camelHump.ReplaceAllStringFunc(m[1], func(s string) string { return "-" + strings.ToLower(s) })
			attrs[name] = base
		}
	}
	return attrs, nil
}

// i18nProblems checks the language files of root against its layouts and
// scripts; dynamic gives the keys of each computed T argument. It returns
// the problems found, and the keys of id.toml that nothing uses.
func i18nProblems(root string, dynamic map[string][]string) (problems, unused []string, err error) {
	add := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }
	files := map[string]i18nFile{}
	for _, lang := range i18nLangs {
		f, err := loadI18nFile(root, lang)
		if err != nil {
			return nil, nil, err
		}
		files[lang] = f
	}
	ref := files[i18nLangs[0]]

	// 1. The same keys in every file.
	for _, lang := range i18nLangs[1:] {
		for _, k := range slices.Sorted(maps.Keys(ref)) {
			if _, ok := files[lang][k]; !ok {
				add("i18n/%s.toml: key %q of i18n/%s.toml is missing", lang, k, i18nLangs[0])
			}
		}
		for _, k := range slices.Sorted(maps.Keys(files[lang])) {
			if _, ok := ref[k]; !ok {
				add("i18n/%s.toml: key %q is not in i18n/%s.toml", lang, k, i18nLangs[0])
			}
		}
	}

	// 2. The same parameters (and Pagefind placeholders) in every string.
	params := map[string]map[string]bool{} // of the reference strings
	for _, k := range slices.Sorted(maps.Keys(ref)) {
		p, err := i18nParams(ref[k])
		if err != nil {
			add("i18n/%s.toml: %s does not parse: %v", i18nLangs[0], k, err)
			continue
		}
		params[k] = p
		for _, lang := range i18nLangs[1:] {
			s, ok := files[lang][k]
			if !ok {
				continue
			}
			q, err := i18nParams(s)
			if err != nil {
				add("i18n/%s.toml: %s does not parse: %v", lang, k, err)
				continue
			}
			for _, x := range slices.Sorted(maps.Keys(p)) {
				if !q[x] {
					add("i18n/%s.toml: %s lacks the parameter {{ %s }} of the %s string", lang, k, x, i18nLangs[0])
				}
			}
			for _, x := range slices.Sorted(maps.Keys(q)) {
				if !p[x] {
					add("i18n/%s.toml: %s uses {{ %s }}, which the %s string does not (the layouts may not pass it)", lang, k, x, i18nLangs[0])
				}
			}
			want, got := pagefindToken.FindAllString(ref[k], -1), pagefindToken.FindAllString(s, -1)
			sort.Strings(want)
			sort.Strings(got)
			if !slices.Equal(want, got) {
				add("i18n/%s.toml: %s has the placeholders %v, the %s string %v", lang, k, got, i18nLangs[0], want)
			}
		}
	}

	// 3. Every key the layouts ask for, in every file, given what it needs.
	uses, err := layoutI18nUses(root)
	if err != nil {
		return nil, nil, err
	}
	used := map[string]bool{}
	need := func(where, key string) {
		used[key] = true
		for _, lang := range i18nLangs {
			if _, ok := files[lang][key]; !ok {
				add("%s: key %q is missing from i18n/%s.toml", where, key, lang)
			}
		}
	}
	for _, u := range uses {
		if u.key == "" {
			keys, ok := dynamic[u.expr]
			if !ok {
				add("%s: T %s computes its key: list it in i18nDynamic (i18n_test.go) with the keys it can take", u.where, u.expr)
				continue
			}
			for _, k := range keys {
				need(u.where, k)
			}
			if shape := printfShape(u.expr); shape != nil {
				// every key of that shape, used or not, in every file
				for _, k := range slices.Sorted(maps.Keys(ref)) {
					if shape.MatchString(k) {
						need(u.where, k)
					}
				}
			}
			continue
		}
		need(u.where, u.key)
		p, ok := params[u.key]
		if !ok {
			continue
		}
		for _, x := range slices.Sorted(maps.Keys(p)) {
			switch {
			case !u.hasArg:
				add("%s: T %q passes nothing, but the string uses {{ %s }}", u.where, u.key, x)
			case u.dict != nil && x == ".":
				add("%s: T %q passes a dict, but the string uses {{ . }}", u.where, u.key)
			case u.dict != nil && !slices.Contains(u.dict, x[1:]):
				add("%s: T %q does not pass %s, which the string uses", u.where, u.key, x[1:])
			}
		}
	}

	// 4. Text the scripts take from data attributes comes from i18n.
	attrs, err := scriptDataAttrs(root)
	if err != nil {
		return nil, nil, err
	}
	set := map[string]bool{}
	err = filepath.WalkDir(filepath.Join(root, "layouts"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		text := string(b)
		for _, m := range layoutAttr.FindAllStringSubmatchIndex(text, -1) {
			name, value := text[m[2]:m[3]], text[m[4]:m[5]]
			where := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), 1+strings.Count(text[:m[0]], "\n"))
			for a, script := range attrs {
				if !(name == a || strings.HasSuffix(a, "-") && strings.HasPrefix(name, a)) {
					continue
				}
				set[a] = true
				if slices.Contains(i18nNonText, strings.TrimSuffix(a, "-")) {
					continue
				}
				k := translated.FindStringSubmatch(value)
				if k == nil {
					add("%s: data-%s, which %s shows, is %q: its text must be one T call", where, name, script, value)
					continue
				}
				need(where, k[1])
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for _, a := range slices.Sorted(maps.Keys(attrs)) {
		if !set[a] && !slices.Contains(i18nNonText, strings.TrimSuffix(a, "-")) {
			add("assets/js/%s reads data-%s, which no layout sets", attrs[a], a)
		}
	}

	for _, k := range slices.Sorted(maps.Keys(ref)) {
		if !used[k] {
			unused = append(unused, k)
		}
	}
	// a key missing for a data attribute is found twice: once is enough
	seen := map[string]bool{}
	problems = slices.DeleteFunc(problems, func(p string) bool {
		dup := seen[p]
		seen[p] = true
		return dup
	})
	return problems, unused, nil
}

// printfShape returns, for (printf "pre%ssuf" …), the keys of that shape.
// The values put in (finding families, page slugs) are written with
// hyphens, keys with underscores: family_%s matches family_angka-ambigu,
// not family_angka-ambigu_explained.
func printfShape(expr string) *regexp.Regexp {
	m := regexp.MustCompile(`^\(printf "([^"%]*)%s([^"%]*)"`).FindStringSubmatch(expr)
	if m == nil {
		return nil
	}
	return regexp.MustCompile("^" + regexp.QuoteMeta(m[1]) + "[a-z0-9-]+" + regexp.QuoteMeta(m[2]) + "$")
}

// i18nDynamicKeys evaluates i18nDynamic.
func i18nDynamicKeys(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for expr, fn := range i18nDynamic {
		keys, err := fn()
		if err != nil {
			t.Fatalf("keys of T %s: %v", expr, err)
		}
		out[expr] = keys
	}
	return out
}

// TestI18nKeys checks the project's own files.
func TestI18nKeys(t *testing.T) {
	problems, unused, err := i18nProblems(i18nRootDir, i18nDynamicKeys(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
	if len(unused) > 0 {
		// Not an error: Go code may pass these keys, or a page still to come.
		t.Logf("keys of i18n/%s.toml no layout uses: %s", i18nLangs[0], strings.Join(unused, ", "))
	}
}

// TestI18nCheckCanFail runs the check on a copy of the project with the
// mistakes it must catch, to show that it does catch them.
func TestI18nCheckCanFail(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"i18n", "layouts", filepath.Join("assets", "js")} {
		copyDir(t, filepath.Join(i18nRootDir, dir), filepath.Join(root, dir))
	}
	ref, err := loadI18nFile(root, "id")
	if err != nil {
		t.Fatal(err)
	}
	// A key with a field parameter, a key a script shows and a family key.
	var withField string
	for _, k := range slices.Sorted(maps.Keys(ref)) {
		if p, _ := i18nParams(ref[k]); p != nil && withField == "" {
			for x := range p {
				if x != "." {
					withField = k
				}
			}
		}
	}
	const scriptKey = "search_zero"
	familyKey := "family_" + string(report.Families[0])
	if withField == "" || ref[scriptKey] == "" || ref[familyKey] == "" {
		t.Fatalf("the keys this test breaks are gone (%q, %q, %q): choose others", withField, scriptKey, familyKey)
	}

	enPath := filepath.Join(root, "i18n", "en.toml")
	b, err := os.ReadFile(enPath)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, scriptKey+" ="), strings.HasPrefix(line, familyKey+" ="):
			continue // dropped
		case strings.HasPrefix(line, withField+" ="):
			line = withField + ` = "no parameters left"`
		}
		lines = append(lines, line)
	}
	lines = append(lines, `only_in_en = "extra"`)
	if err := os.WriteFile(enPath, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	extra := `{{ T "no_such_key" }}{{ T .computed }}{{ T "` + withField + `" }}<div data-placeholder="Cari"></div>`
	if err := os.WriteFile(filepath.Join(root, "layouts", "i18n-broken.html"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}

	problems, _, err := i18nProblems(root, i18nDynamicKeys(t))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{
		`i18n/en.toml: key "` + scriptKey + `" of i18n/id.toml is missing`,
		`key "` + scriptKey + `" is missing from i18n/en.toml`, // cari.html: data-zero, which cari.js shows
		`key "` + familyKey + `" is missing from i18n/en.toml`,
		`i18n/en.toml: ` + withField + ` lacks the parameter`,
		`i18n/en.toml: key "only_in_en" is not in i18n/id.toml`,
		`layouts/i18n-broken.html:1: key "no_such_key" is missing from i18n/id.toml`,
		`layouts/i18n-broken.html:1: T .computed computes its key`,
		`layouts/i18n-broken.html:1: T "` + withField + `" passes nothing`,
		`layouts/i18n-broken.html:1: data-placeholder, which cari.js shows, is "Cari"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the check did not report %q; it reported:\n%s", want, all)
		}
	}
}
