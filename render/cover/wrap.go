package cover

import "strings"

// measureFunc returns the width of a line of text in sub units.
type measureFunc func(string) int64

// lineMeasure measures lines of words in units that add up: a line is as
// wide as its words and the spaces joining them (with the kerning on
// either side) together, which sub turns into sub units. So wrap measures
// each word and join once and adds them up for every line it tries,
// rather than setting each line anew, which took a long title's cover
// most of its time: a title of n words has n²/2 lines to try, at each of
// a dozen sizes.
type lineMeasure interface {
	units(word string) int64
	// join is what the space between words a and b adds.
	join(a, b string) int64
	sub(units int64) int64
}

// wrap breaks text into at most maxLines lines no wider than maxW, using
// as few lines as a greedy fill needs and then balancing them: of all
// ways to break into that many lines it takes the one whose longest line
// is shortest, so that a centred title forms an even block rather than a
// long line over a stray word. It reports false when the text does not
// fit: a word wider than maxW, or more lines than maxLines.
func wrap(text string, measure lineMeasure, maxW int64, maxLines int) ([]string, bool) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil, true
	}
	n := len(words)
	units, joins := make([]int64, n), make([]int64, n-1)
	for i, w := range words {
		units[i] = measure.units(w)
		if i > 0 {
			joins[i-1] = measure.join(words[i-1], w)
		}
	}
	// width[i][j] is the width of words[i:j] set as one line.
	width := make([][]int64, n+1)
	for i := range width {
		width[i] = make([]int64, n+1)
		u := int64(0)
		for j := i + 1; j <= n; j++ {
			if j > i+1 {
				u += joins[j-2]
			}
			u += units[j-1]
			width[i][j] = measure.sub(u)
		}
	}
	for i := 0; i < n; i++ {
		if width[i][i+1] > maxW {
			return nil, false
		}
	}
	lines := 0
	for i := 0; i < n; {
		j := i + 1
		for j < n && width[i][j+1] <= maxW {
			j++
		}
		lines++
		i = j
	}
	if lines > maxLines {
		return nil, false
	}
	return balance(words, width, maxW, lines), true
}

// balance breaks words into exactly k lines, minimising the longest line
// and, among equal longest lines, the sum of squared line widths (which
// favours even lines). Ties keep the earliest break, so the result is
// deterministic.
func balance(words []string, width [][]int64, maxW int64, k int) []string {
	n := len(words)
	type cell struct {
		ok      bool
		longest int64
		squares int64
		from    int
	}
	// best[l][j]: the best way to set words[:j] in l lines.
	best := make([][]cell, k+1)
	for l := range best {
		best[l] = make([]cell, n+1)
	}
	best[0][0] = cell{ok: true}
	for l := 1; l <= k; l++ {
		for j := l; j <= n; j++ {
			for i := l - 1; i < j; i++ {
				prev := best[l-1][i]
				w := width[i][j]
				if !prev.ok || w > maxW {
					continue
				}
				c := cell{ok: true, longest: max(prev.longest, w), squares: prev.squares + int64(w)*int64(w), from: i}
				cur := best[l][j]
				if !cur.ok || c.longest < cur.longest || c.longest == cur.longest && c.squares < cur.squares {
					best[l][j] = c
				}
			}
		}
	}
	out := make([]string, k)
	j := n
	for l := k; l >= 1; l-- {
		i := best[l][j].from
		out[l-1] = strings.Join(words[i:j], " ")
		j = i
	}
	return out
}

// hardWrap breaks text into lines no wider than maxW even where a single
// word is wider, splitting such words between characters. It is the last
// resort for a title that does not fit at the smallest size.
func hardWrap(text string, measure measureFunc, maxW int64) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(text) {
		for _, piece := range splitWord(word, measure, maxW) {
			cand := piece
			if cur != "" {
				cand = cur + " " + piece
			}
			if cur != "" && measure(cand) > maxW {
				lines = append(lines, cur)
				cand = piece
			}
			cur = cand
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// splitWord cuts a word into pieces no wider than maxW (at least one
// character each).
func splitWord(word string, measure measureFunc, maxW int64) []string {
	if measure(word) <= maxW {
		return []string{word}
	}
	var out []string
	piece := ""
	for _, r := range word {
		if piece != "" && measure(piece+string(r)) > maxW {
			out = append(out, piece)
			piece = ""
		}
		piece += string(r)
	}
	if piece != "" {
		out = append(out, piece)
	}
	return out
}
