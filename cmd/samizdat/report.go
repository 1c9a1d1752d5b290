package main

import (
	"encoding/json"
	"io"
	"time"

	"samizdat/book"
	"samizdat/internal/build"
)

// jsonReport is build --json's output: everything a CI job needs to
// publish or reject the artifacts, in one object.
type jsonReport struct {
	OK       bool             `json:"ok"`
	Date     string           `json:"date,omitempty"`
	Outputs  []build.Output   `json:"outputs"`
	Warnings []jsonDiagnostic `json:"warnings"`
	Errors   []jsonDiagnostic `json:"errors"`
	Timings  []jsonStage      `json:"timings"`
	Total    float64          `json:"total_ms"`
}

type jsonDiagnostic struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

type jsonStage struct {
	Stage string  `json:"stage"`
	MS    float64 `json:"ms"`
}

func diagnostics(list []*book.Error) []jsonDiagnostic {
	out := []jsonDiagnostic{}
	for _, e := range list {
		out = append(out, jsonDiagnostic{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Message: e.Msg, Hint: e.Hint})
	}
	return out
}

// writeJSON prints the report of a build that ended with rep and err.
func writeJSON(w io.Writer, rep *build.Report, err error, total time.Duration) error {
	r := jsonReport{OK: err == nil, Outputs: []build.Output{}, Warnings: []jsonDiagnostic{}, Errors: []jsonDiagnostic{}, Timings: []jsonStage{}}
	if rep != nil {
		if !rep.Date.IsZero() {
			r.Date = rep.Date.UTC().Format(time.RFC3339)
		}
		if rep.Outputs != nil {
			r.Outputs = rep.Outputs
		}
		r.Warnings = diagnostics(rep.Warnings)
		for _, t := range rep.Timings {
			r.Timings = append(r.Timings, jsonStage{t.Stage, ms(t.Duration)})
		}
	}
	if err != nil {
		r.Errors = diagnostics(book.Errors(err))
	}
	r.Total = ms(total)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
