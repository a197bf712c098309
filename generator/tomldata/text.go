package tomldata

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// hiddenRune names a character a text from the data may not contain: C0
// and C1 control characters (tab and line feed aside), the Unicode line and
// paragraph separators, and the bidirectional overrides and isolates that
// make text display in another order than it is stored ("Trojan Source").
// None is visible, none belongs in a report, and each can change how the
// site, a terminal or a reviewer shows the text around it.
func hiddenRune(r rune) string {
	switch {
	case r == '\t' || r == '\n':
		return ""
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return "karakter kendali"
	case r == 0x2028 || r == 0x2029:
		return "pemisah baris Unicode"
	case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return "karakter pembalik arah teks"
	}
	return ""
}

// checkText returns why s may not be published, or "": it holds a hidden
// character (a carriage return only before a line feed, as a multi-line
// string of a file saved with Windows line ends has), or is not UTF-8.
func checkText(s string) string {
	n := 0
	for i, r := range s {
		n++
		if r == utf8.RuneError {
			if _, w := utf8.DecodeRuneInString(s[i:]); w == 1 {
				return fmt.Sprintf("teks bukan UTF-8 yang sah (huruf ke-%d): simpan berkas sebagai UTF-8", n)
			}
		}
		if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			continue
		}
		if kind := hiddenRune(r); kind != "" {
			return fmt.Sprintf("teks berisi %s U+%04X (tidak terlihat) pada huruf ke-%d: hapus karakter itu (atau kode \\u%04X-nya); baris baru dan tab boleh", kind, r, n, r)
		}
	}
	return ""
}

// visible replaces every hidden character of s by U+FFFD, so that a
// line of a data file can be printed in a problem as it is, column for
// column, without acting on the terminal.
func visible(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return hiddenRune(r) != "" || r == '\r' || r == utf8.RuneError }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hiddenRune(r) != "" || r == '\r' {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shownName is a file or folder name as a problem shows it: quoted with Go
// escapes when it holds a hidden character or is not UTF-8.
func shownName(name string) string {
	if strings.ContainsRune(name, '\n') || strings.ContainsRune(name, '\t') || visible(name) != name {
		return strconv.Quote(name)
	}
	return name
}

// maxShown is how many characters of a long value or key a problem shows.
const maxShown = report.ShortLimit

// short cuts s to maxShown characters, for a problem that quotes it.
func short(s string) string { return report.Abbreviate(s) }

// keyName is a key of a data file as a key path shows it: bare when TOML
// allows it bare, else quoted (as TOML writes it), and cut when long.
func keyName(k string) string {
	bare := k != ""
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			bare = false
			break
		}
	}
	if bare && len(k) <= maxShown {
		return k
	}
	return strconv.Quote(short(k))
}

// cutMiddle shortens a parser's message that quotes a long piece of the
// file: its start and its end are kept.
func cutMiddle(s string) string {
	const head, tail = 160, 40
	if utf8.RuneCountInString(s) <= head+tail+1 {
		return s
	}
	r := []rune(s)
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}
