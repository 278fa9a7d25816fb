// Package template holds the parts of the page templates that both the
// content validator (server) and the components (browser) must agree on.
package template

// ServiceSections are the standard service template's sections, in order:
// the JSON key under "sections" and the heading each renders under.
var ServiceSections = []struct{ Key, Heading string }{
	{"about", "About this service"},
	{"audience", "Who it is for"},
	{"howItWorks", "How it works"},
	{"benefits", "Benefits"},
	{"statusAndUsage", "Status and usage"},
	{"access", "How to access"},
	{"contact", "Contact us"},
}
