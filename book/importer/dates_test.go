package importer

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"26/04/2010", "2010-04-26"},
		{"26.04.2010", "2010-04-26"},
		{"26-4-2010", "2010-04-26"},
		{"6/4/10", "2010-04-06"},
		{"04/26/2010", "2010-04-26"}, // only month first makes sense
		{"26/04/2010 14:32", "2010-04-26"},
		{"2010-04-26", "2010-04-26"},
		{"2010-04-26T07:30:00+01:00", "2010-04-26"},
		{"2010-04", "2010-04"},
		{"1937", "1937"},
		{"26 April 2010", "2010-04-26"},
		{"26th April 2010", "2010-04-26"},
		{"Monday 26th April 2010", "2010-04-26"},
		{"Monday, 26 of April, 2010", "2010-04-26"},
		{"April 26, 2010", "2010-04-26"},
		{"Apr. 26 2010", "2010-04-26"},
		{"Sept 3 1998", "1998-09-03"},
		{"3rd March 1998 at 2.30pm", "1998-03-03"},
		{"March 7, 2021, 10:15 GMT", "2021-03-07"},
		{"April 1937", "1937-04"},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct{ in, why string }{
		{"sometime in spring", "is not part of a date"},
		{"31/02/2010", "February has no day 31"},
		{"26/13/2010", "there is no month 13"},
		{"2010-13-01", "there is no month 13"},
		{"26/04-2010", "mixed separators"},
		{"April", ""},
		{"26 April", ""},
		{"12 34 2010", ""},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if err == nil {
			t.Errorf("parseDate(%q) = %q, want an error", tt.in, got)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.in) || !strings.Contains(msg, tt.why) || !strings.Contains(msg, "DD/MM/YYYY") {
			t.Errorf("parseDate(%q) error %q: want it to quote the date, say %q and show the forms to use", tt.in, msg, tt.why)
		}
	}
}
