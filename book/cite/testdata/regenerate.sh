#!/bin/sh
# regenerate.sh: make the golden files that book/cite's tests compare
# samizdat's citations with, from pandoc's citeproc.
#
# Needs Debian's pandoc and citation-style-language-styles:
#   apt-get install -y pandoc citation-style-language-styles
# Run from anywhere: book/cite/testdata/regenerate.sh
#
# Each chapter of the fixture book (testdata/fixture) is run through pandoc
# on its own, because samizdat starts every chapter afresh: a full note the
# first time a work is cited in a chapter, and no "Ibid." across chapters.
# Every run sees every source (nocite: @*), as samizdat's formatter sees
# every work the book cites: the author-date letters ("1862a") then agree
# across chapters, and citeproc compares a work cited in the chapter with
# the others' first citations, as samizdat does, to decide which short
# notes need the date.
# extract.lua writes each citation as it reads in the text, one per line,
# with italics as *so* and a note as [^its text].
#
# The styles, and the samizdat setting each one stands for:
#   notes.txt        chicago-fullnote-bibliography.csl          {style: notes}
#   notes-ibid.txt   chicago-fullnote-bibliography-with-ibid.csl {style: notes, ibid: true}
#   short-notes.txt  chicago-note-bibliography.csl              {style: short-notes}
#   full-notes.txt   chicago-fullnote-bibliography.csl with its
#                    short-note and ibid branches switched off   {style: full-notes}
#   author-date.txt  chicago-author-date.csl                    {style: author-date}
#   bibliography.txt the bibliography of chicago-note-bibliography.csl
#   references.txt   the reference list of chicago-author-date.csl
#
# On the fixture, samizdat's output and pandoc's agree line for line, so the
# golden files are pandoc's output as it is, with no edits. samizdat still
# differs from pandoc on purpose in these points, none of which the fixture
# can show pandoc doing the samizdat way:
#   - Chapters start afresh: the first citation of a work in each chapter
#     is a full note, and "Ibid." or the author-and-page form never reaches
#     into another chapter. pandoc knows no chapters; this script runs it
#     on one chapter at a time to match.
#   - "letter" is accepted as an item type, standing for CSL's
#     personal_communication, which pandoc requires instead.
#   - Two styles are made from pandoc's: short-notes is
#     chicago-note-bibliography.csl, and full-notes is the full-note style
#     with its later-citation branches switched off (the sed below).
#   - A citation's author-date in-text form does not tell apart two
#     authors with the same family name by their initials (CSL's
#     disambiguate-add-givenname), nor lengthen an "et al." to tell two
#     works apart (disambiguate-add-names); works of one author and year
#     get "a" and "b", and the note styles add the date, as citeproc does.
#   - Values in CSL YAML are read as Markdown for emphasis, quotation
#     marks, dashes and ellipses only; pandoc reads them as full Markdown.
#   - BibTeX @string names are matched with their capitals (pandoc ignores
#     case), and crossref/xdata inheritance is not done.
# A known gap rather than a choice: the Markdown reader does not know the
# plural abbreviations "chaps.", "secs." and "paras." (it takes them as
# text after the citation), so the fixture does not use them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
styles=${CSL_STYLES:-/usr/share/citation-style-language/styles}
fixture="$here/fixture"
golden="$here/golden"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v pandoc >/dev/null || { echo "regenerate.sh: pandoc is not installed" >&2; exit 1; }
[ -f "$styles/chicago-note-bibliography.csl" ] || { echo "regenerate.sh: no CSL styles in $styles" >&2; exit 1; }

printf 'nocite: |\n  @*\n' > "$work/nocite.yaml"
# full notes: the full-note style with the ibid and short-note branches
# made impossible (a citation is never both first and subsequent).
sed -e 's/<if position="ibid ibid-with-locator" match="any">/<if position="first subsequent" match="all">/' \
    -e 's/<else-if position="subsequent">/<else-if position="first subsequent" match="all">/' \
    "$styles/chicago-fullnote-bibliography.csl" > "$work/full-notes.csl"

pandoc_run() { # pandoc_run CSL FILE...
  csl=$1; shift
  (cd "$fixture" && pandoc "$@" -f markdown --citeproc \
    --metadata-file "$work/nocite.yaml" \
    --bibliography sources.json --bibliography sources.yaml --bibliography sources.bib \
    --csl "$csl" --lua-filter "$here/extract.lua" -t plain -o /dev/null)
}

citations() { # citations CSL OUT
  : > "$2"
  for ch in "$fixture"/[0-9]*.md; do
    name=$(basename "$ch" .md)
    echo "## $name" >> "$2"
    pandoc_run "$1" "$ch" | grep '^cite:' | sed 's/^cite: */cite: /' >> "$2"
  done
}

citations "$styles/chicago-fullnote-bibliography.csl" "$golden/notes.txt"
citations "$styles/chicago-fullnote-bibliography-with-ibid.csl" "$golden/notes-ibid.txt"
citations "$styles/chicago-note-bibliography.csl" "$golden/short-notes.txt"
citations "$work/full-notes.csl" "$golden/full-notes.txt"
citations "$styles/chicago-author-date.csl" "$golden/author-date.txt"
pandoc_run "$styles/chicago-note-bibliography.csl" "$fixture"/[0-9]*.md | grep '^bib:' > "$golden/bibliography.txt"
pandoc_run "$styles/chicago-author-date.csl" "$fixture"/[0-9]*.md | grep '^bib:' > "$golden/references.txt"

# The BibTeX reader is compared with pandoc's conversion of the same file.
(cd "$fixture" && pandoc -f biblatex -t csljson sources.bib) > "$golden/sources.bib.json"

echo "regenerate.sh: wrote $(ls "$golden" | wc -l) golden files in $golden"
