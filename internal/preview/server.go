package preview

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"samizdat/book/load"
)

// Server holds the last good build and the current problem, and tells the
// browsers watching it when either changes.
type Server struct {
	path    string
	builder *builder
	// Log receives a line per rebuild; nil discards them.
	Log func(format string, args ...any)

	mu       sync.Mutex
	good     *snapshot
	problem  *problem
	version  int
	watchers map[chan int]bool
}

// New makes a server for the book at path and builds it once.
func New(path string, opt load.Options, getenv func(string) string) *Server {
	s := &Server{path: path, builder: &builder{path: path, opt: opt, getenv: getenv}, watchers: map[chan int]bool{}}
	s.Rebuild()
	return s
}

func (s *Server) logf(format string, args ...any) {
	if s.Log != nil {
		s.Log(format, args...)
	}
}

// Rebuild builds the book again. A failed build keeps the last good
// preview and records the problem for the overlay.
func (s *Server) Rebuild() {
	snap, warnings, err := s.builder.build()
	s.mu.Lock()
	if err != nil {
		p := describe(err)
		s.problem = &p
		s.logf("%s: error: %s", p.Where, p.Message)
	} else {
		s.good, s.problem = snap, nil
		s.logf("rebuilt in %d ms: %d manuscripts read, %d pages (%d kept), %d warnings", snap.took.Milliseconds(), snap.parsed, len(snap.pages), snap.keptPages, len(warnings))
	}
	s.version++
	v := s.version
	for ch := range s.watchers {
		select {
		case ch <- v:
		default: // a slow browser gets the next change instead
		}
	}
	s.mu.Unlock()
}

// Watch rebuilds whenever a file of the book changes, until stop closes.
// Saves come in bursts (editors write, rename and chmod), so changes are
// gathered for a moment before one rebuild.
func (s *Server) Watch(stop <-chan struct{}) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	root := watchRoot(s.path)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != root && (name == "_build" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var timer <-chan time.Time
	for {
		select {
		case <-stop:
			return nil
		case ev := <-w.Events:
			if relevant(ev.Name) {
				timer = time.After(40 * time.Millisecond)
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = w.Add(ev.Name)
				}
			}
		case err := <-w.Errors:
			s.logf("watching: %v", err)
		case <-timer:
			timer = nil
			s.Rebuild()
		}
	}
}

// relevant reports whether a changed file can change the book.
func relevant(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".yaml", ".yml", ".json", ".bib", ".png", ".jpg", ".jpeg", ".ttf":
		return true
	}
	return false
}

// ServeHTTP serves the preview page, the book's HTML, the fonts, images
// and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	good, prob, version := s.good, s.problem, s.version
	s.mu.Unlock()
	switch {
	case r.URL.Path == "/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		writePage(w, good, prob, version)
	case r.URL.Path == "/book.html":
		if good == nil {
			http.Error(w, "the book has not built yet", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(good.html)
	case strings.HasPrefix(r.URL.Path, "/fonts/") && good != nil:
		for _, f := range good.fonts {
			if "/fonts/"+f.Name == r.URL.Path {
				w.Header().Set("Content-Type", "font/ttf")
				w.Write(f.Data)
				return
			}
		}
		http.NotFound(w, r)
	case strings.HasPrefix(r.URL.Path, "/assets/") && good != nil:
		a, ok := good.assets[strings.TrimPrefix(r.URL.Path, "/assets/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", a.MediaType)
		w.Write(a.Data)
	case r.URL.Path == "/events":
		s.events(w, r, version)
	case r.URL.Path == "/status":
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"version": version, "ok": prob == nil, "problem": prob})
	default:
		http.NotFound(w, r)
	}
}

// events streams one event per rebuild: "reload" after a good build,
// "problem" with the overlay's data after a failed one.
func (s *Server) events(w http.ResponseWriter, r *http.Request, seen int) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	s.watchers[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.watchers, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprintf(w, "event: hello\ndata: %d\n\n", seen)
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			s.mu.Lock()
			prob := s.problem
			s.mu.Unlock()
			if prob != nil {
				data, _ := json.Marshal(prob)
				fmt.Fprintf(w, "event: problem\ndata: %s\n\n", data)
			} else {
				fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			}
			flusher.Flush()
		}
	}
}
