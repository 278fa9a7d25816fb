//go:build !wasm

package server

import (
	"net/http"
	"net/http/pprof"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the site's Prometheus metrics, served by AdminHandler on
// the operators' own address (-admin-addr), never on the site's.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	durations  *prometheus.HistogramVec
	renders    prometheus.Counter
	cacheHits  *prometheus.CounterVec
	cachePages prometheus.Gauge
	cacheBytes prometheus.Gauge
	content    *prometheus.GaugeVec
	reloadTime prometheus.Gauge
	reloads    *prometheus.CounterVec
	pageViews  prometheus.Counter
}

// NewMetrics makes the metrics, with the build's version and revision
// (nhsd_build_info) and the Go runtime's and process's own.
func NewMetrics(version, revision string) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "nhsd_http_requests_total",
		Help: "Requests answered, by route class (page, asset, data, search, feed, form, app, preview) and status code."}, []string{"route", "code"})
	m.durations = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "nhsd_http_request_duration_seconds",
		Help:    "Time to answer a request, by route class.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10}}, []string{"route"})
	m.renders = prometheus.NewCounter(prometheus.CounterOpts{Name: "nhsd_renders_total",
		Help: "Pages rendered by go-app (the page cache keeps most of them)."})
	m.cacheHits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "nhsd_page_cache_requests_total",
		Help: "Page requests that may be cached, by result: hit (from memory) or miss (rendered)."}, []string{"result"})
	m.cachePages = prometheus.NewGauge(prometheus.GaugeOpts{Name: "nhsd_page_cache_pages", Help: "Pages in the prerendered-page cache."})
	m.cacheBytes = prometheus.NewGauge(prometheus.GaugeOpts{Name: "nhsd_page_cache_bytes", Help: "Bytes held by the prerendered-page cache, compressed copies included."})
	m.content = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "nhsd_content_info",
		Help: "1 for the content version served now."}, []string{"version"})
	m.reloadTime = prometheus.NewGauge(prometheus.GaugeOpts{Name: "nhsd_content_loaded_timestamp_seconds",
		Help: "When the content served now was loaded (Unix time)."})
	m.reloads = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "nhsd_content_reloads_total",
		Help: "Content loads (start, publications, preview saves), by result: ok or failed."}, []string{"result"})
	m.pageViews = prometheus.NewCounter(prometheus.CounterOpts{Name: "nhsd_page_views_total", Help: "Page views counted (with consent to statistics)."})
	build := prometheus.NewGauge(prometheus.GaugeOpts{Name: "nhsd_build_info", Help: "1, labelled with the build's version and VCS revision.",
		ConstLabels: prometheus.Labels{"version": version, "revision": revision}})
	build.Set(1)
	m.reg.MustRegister(m.requests, m.durations, m.renders, m.cacheHits, m.cachePages, m.cacheBytes, m.content, m.reloadTime,
		m.reloads, m.pageViews, build, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts one answered request.
func (m *Metrics) observe(route string, status int, d time.Duration) {
	if m == nil {
		return
	}
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.durations.WithLabelValues(route).Observe(d.Seconds())
}

// loaded records a content load.
func (m *Metrics) loaded(version string, err error) {
	if m == nil {
		return
	}
	if err != nil {
		m.reloads.WithLabelValues("failed").Inc()
		return
	}
	m.reloads.WithLabelValues("ok").Inc()
	m.content.Reset()
	m.content.WithLabelValues(version).Set(1)
	m.reloadTime.Set(float64(time.Now().UnixNano()) / 1e9)
	m.cachePages.Set(0)
	m.cacheBytes.Set(0)
}

func (m *Metrics) rendered() {
	if m != nil {
		m.renders.Inc()
	}
}

// cached records a cacheable page request: hit, or a miss that added a
// page of size bytes to the cache (kept is false when the cache was full).
func (m *Metrics) cached(hit, kept bool, size int) {
	if m == nil {
		return
	}
	if hit {
		m.cacheHits.WithLabelValues("hit").Inc()
		return
	}
	m.cacheHits.WithLabelValues("miss").Inc()
	if kept {
		m.cachePages.Inc()
		m.cacheBytes.Add(float64(size))
	}
}

func (m *Metrics) viewed() {
	if m != nil {
		m.pageViews.Inc()
	}
}

// AdminHandler answers the operators' address (-admin-addr): /metrics for
// Prometheus, /debug/pprof/ for profiles, /healthz and /readyz.
func AdminHandler(m *Metrics, l *Live) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	if l != nil {
		mux.HandleFunc("/healthz", l.serveHealth)
		mux.HandleFunc("/readyz", l.serveReady)
	}
	return mux
}
