package words

// The keys of the site's words, by where they show.
const (
	SkipLink        Key = "page.skipLink"
	LastEdited      Key = "page.lastEdited"
	PageContents    Key = "page.contents"
	NotLoadedTitle  Key = "page.notLoadedTitle"
	NotLoaded       Key = "page.notLoaded"
	NotFound        Key = "page.notFound"
	Nothing         Key = "page.nothingYet"
	Latest          Key = "page.latest"
	Editions        Key = "page.editions"
	Featured        Key = "page.featured"
	StatusPrefix    Key = "page.status"
	ServiceStatus   Key = "page.serviceStatus"
	RelatedServices Key = "page.relatedServices"

	WrittenBy       Key = "article.writtenBy"
	RelatedSubjects Key = "article.relatedSubjects"
	ShareThisPage   Key = "article.share"
	ShareEmail      Key = "article.shareEmail"
	ShareNote       Key = "article.shareNote"

	KeyFacts           Key = "publication.keyFacts"
	PublicationDate    Key = "publication.date"
	InformationType    Key = "publication.informationType"
	GeographicCoverage Key = "publication.coverage"
	Granularity        Key = "publication.granularity"
	DateRange          Key = "publication.dateRange"
	DateRangeValue     Key = "publication.dateRangeValue"
	PartOf             Key = "publication.partOf"
	OtherEditions      Key = "publication.otherEditions"
	Resources          Key = "publication.resources"

	HomeLink       Key = "header.home"
	SiteSearch     Key = "header.searchLandmark"
	SearchThisSite Key = "header.searchLabel"
	SearchButton   Key = "header.searchButton"
	Menu           Key = "header.menu"
	Sections       Key = "header.sections"

	BreadcrumbLabel Key = "breadcrumbs.label"

	CookieSettings Key = "footer.cookieSettings"

	SearchFormLabel   Key = "search.formLabel"
	SearchFor         Key = "search.queryLabel"
	SearchSubmit      Key = "search.button"
	SearchIn          Key = "search.scopesLabel"
	RemoveFilter      Key = "search.removeFilter"
	SelectedFilters   Key = "search.selectedFilters"
	ClearFilters      Key = "search.clearFilters"
	FilterBy          Key = "search.filterBy"
	Filter            Key = "search.filter"
	FilterSelected    Key = "search.filterSelected"
	FacetSelected     Key = "search.facetSelected"
	SearchTitle       Key = "search.title"
	SearchTitleQuery  Key = "search.titleQuery"
	SearchTitleScope  Key = "search.titleScope"
	SearchTitlePage   Key = "search.titlePage"
	ResultOne         Key = "search.result"
	ResultMany        Key = "search.results"
	ForQuery          Key = "search.forQuery"
	ByRelevance       Key = "search.byRelevance"
	ByDate            Key = "search.byDate"
	SearchUnavailable Key = "search.unavailable"
	Searching         Key = "search.searching"
	SortBy            Key = "search.sortBy"
	Relevance         Key = "search.relevance"
	Date              Key = "search.date"
	DidYouMean        Key = "search.didYouMean"
	Previous          Key = "search.previous"
	PreviousPage      Key = "search.previousPage"
	Next              Key = "search.next"
	NextPage          Key = "search.nextPage"
	PageN             Key = "search.page"
	ResultsPages      Key = "search.pagesLabel"

	CatalogueSearch Key = "catalogue.searchLabel"
	CatalogueStatus Key = "catalogue.status"
	CatalogueTopic  Key = "catalogue.topic"
	AllTopics       Key = "catalogue.allTopics"
	AnyStatus       Key = "catalogue.anyStatus"
	ApplyFilters    Key = "catalogue.apply"
	NoServices      Key = "catalogue.none"
	CountAll        Key = "catalogue.countAll"
	CountSome       Key = "catalogue.countSome"

	CookiesSaved     Key = "cookies.saved"
	CookiesWithdrawn Key = "cookies.withdrawn"
	NoChoice         Key = "cookies.noChoice"
	ConsentID        Key = "cookies.consentId"
	ConsentGiven     Key = "cookies.given"
	PolicyVersion    Key = "cookies.policyVersion"
	ConsentRecord    Key = "cookies.record"
	SaveSettings     Key = "cookies.save"
	WithdrawAll      Key = "cookies.withdraw"
	CookieName       Key = "cookies.name"
	CookiePurpose    Key = "cookies.purpose"
	CookieExpires    Key = "cookies.expires"

	Yes Key = "form.yes"
	No  Key = "form.no"

	VideoTitle   Key = "video.title"
	VideoExplain Key = "video.explain"
	VideoAllow   Key = "video.allow"
	VideoWatch   Key = "video.watch"

	UsefulLabel    Key = "useful.label"
	UsefulQuestion Key = "useful.question"
	UsefulYes      Key = "useful.yesHidden"
	UsefulNo       Key = "useful.noHidden"
	UsefulWrong    Key = "useful.whatWentWrong"
	UsefulHint     Key = "useful.hint"
	UsefulSend     Key = "useful.send"
	UsefulThanks   Key = "useful.thanks"
	ReportProblem  Key = "useful.report"

	FeedbackStatic         Key = "feedback.staticNote"
	FeedbackReason         Key = "feedback.reason"
	FeedbackReasonHint     Key = "feedback.reasonHint"
	FeedbackFound          Key = "feedback.found"
	FeedbackMore           Key = "feedback.more"
	FeedbackMoreHint       Key = "feedback.moreHint"
	FeedbackPage           Key = "feedback.page"
	FeedbackPageHint       Key = "feedback.pageHint"
	FeedbackAboutYou       Key = "feedback.aboutYou"
	FeedbackOrganisation   Key = "feedback.organisation"
	FeedbackRole           Key = "feedback.role"
	FeedbackRoleHint       Key = "feedback.roleHint"
	FeedbackEmail          Key = "feedback.email"
	FeedbackEmailHint      Key = "feedback.emailHint"
	FeedbackTrap           Key = "feedback.trap"
	FeedbackNotice         Key = "feedback.notice"
	FeedbackSend           Key = "feedback.send"
	FeedbackProblem        Key = "feedback.problem"
	ErrorPrefix            Key = "feedback.error"
	ErrorTitle             Key = "feedback.errorTitle"
	FeedbackErrors         Key = "feedback.errors"
	FeedbackUnreadableText Key = "feedback.unreadable"
	FeedbackTooLong        Key = "feedback.tooLong"
	FeedbackNeedFound      Key = "feedback.needFound"
	FeedbackNeedMore       Key = "feedback.needMore"
	FeedbackBadEmail       Key = "feedback.badEmail"
	FeedbackTooMany        Key = "feedback.tooMany"
	FeedbackSaveFailed     Key = "feedback.saveFailed"
	FeedbackNoStore        Key = "feedback.noStore"
	FeedbackThanks         Key = "feedback.thanks"
	FeedbackThanksText     Key = "feedback.thanksText"
	FeedbackHome           Key = "feedback.home"

	NoticesLabel        Key = "notices.label"
	NoticeSlow          Key = "notices.slow"
	NoticeError         Key = "notices.error"
	NoticeOfflineSaved  Key = "notices.offlineSaved"
	NoticeOffline       Key = "notices.offline"
	NoticeUpdate        Key = "notices.update"
	NoticeReload        Key = "notices.reload"
	NoticeInstall       Key = "notices.install"
	NoticeInstallButton Key = "notices.installButton"
	NoticeNotNow        Key = "notices.notNow"

	OfflineNotSaved Key = "offline.notSaved"
	OfflineSaved    Key = "offline.saved"
	OfflineNoneOff  Key = "offline.noneTurnedOff"
	OfflineNone     Key = "offline.none"

	Moved      Key = "moved.title"
	MovedTitle Key = "moved.pageTitle"
	MovedText  Key = "moved.text"
)

// All defines every word the code uses, with its placeholders.
var All = []Def{
	{Key: SkipLink},
	{Key: LastEdited, Holds: []string{"date"}},
	{Key: PageContents},
	{Key: NotLoadedTitle},
	{Key: NotLoaded},
	{Key: NotFound, Holds: []string{"path"}},
	{Key: Nothing},
	{Key: Latest},
	{Key: Editions},
	{Key: Featured},
	{Key: StatusPrefix, Holds: []string{"status"}},
	{Key: ServiceStatus, Holds: []string{"status"}},
	{Key: RelatedServices},
	{Key: WrittenBy},
	{Key: RelatedSubjects},
	{Key: ShareThisPage},
	{Key: ShareEmail},
	{Key: ShareNote},
	{Key: KeyFacts},
	{Key: PublicationDate},
	{Key: InformationType},
	{Key: GeographicCoverage},
	{Key: Granularity},
	{Key: DateRange},
	{Key: DateRangeValue, Holds: []string{"start", "end"}},
	{Key: PartOf, Holds: []string{"series"}},
	{Key: OtherEditions},
	{Key: Resources},
	{Key: HomeLink, Holds: []string{"name"}},
	{Key: SiteSearch},
	{Key: SearchThisSite},
	{Key: SearchButton},
	{Key: Menu},
	{Key: Sections},
	{Key: BreadcrumbLabel},
	{Key: CookieSettings},
	{Key: SearchFormLabel},
	{Key: SearchFor},
	{Key: SearchSubmit},
	{Key: SearchIn},
	{Key: RemoveFilter},
	{Key: SelectedFilters},
	{Key: ClearFilters},
	{Key: FilterBy},
	{Key: Filter},
	{Key: FilterSelected, Holds: []string{"count"}},
	{Key: FacetSelected},
	{Key: SearchTitle},
	{Key: SearchTitleQuery, Holds: []string{"query"}},
	{Key: SearchTitleScope, Holds: []string{"scope"}},
	{Key: SearchTitlePage, Holds: []string{"page"}},
	{Key: ResultOne, Holds: []string{"count"}},
	{Key: ResultMany, Holds: []string{"count"}},
	{Key: ForQuery, Holds: []string{"query"}},
	{Key: ByRelevance},
	{Key: ByDate},
	{Key: SearchUnavailable},
	{Key: Searching},
	{Key: SortBy},
	{Key: Relevance},
	{Key: Date},
	{Key: DidYouMean, Holds: []string{"suggestion"}},
	{Key: Previous},
	{Key: PreviousPage},
	{Key: Next},
	{Key: NextPage},
	{Key: PageN, Holds: []string{"page"}},
	{Key: ResultsPages},
	{Key: CatalogueSearch},
	{Key: CatalogueStatus},
	{Key: CatalogueTopic},
	{Key: AllTopics},
	{Key: AnyStatus},
	{Key: ApplyFilters},
	{Key: NoServices},
	{Key: CountAll, Holds: []string{"all"}},
	{Key: CountSome, Holds: []string{"shown", "all"}},
	{Key: CookiesSaved},
	{Key: CookiesWithdrawn},
	{Key: NoChoice},
	{Key: ConsentID},
	{Key: ConsentGiven},
	{Key: PolicyVersion},
	{Key: ConsentRecord},
	{Key: SaveSettings},
	{Key: WithdrawAll},
	{Key: CookieName},
	{Key: CookiePurpose},
	{Key: CookieExpires},
	{Key: Yes},
	{Key: No},
	{Key: VideoTitle, Holds: []string{"title"}},
	{Key: VideoExplain},
	{Key: VideoAllow},
	{Key: VideoWatch},
	{Key: UsefulLabel},
	{Key: UsefulQuestion},
	{Key: UsefulYes},
	{Key: UsefulNo},
	{Key: UsefulWrong},
	{Key: UsefulHint},
	{Key: UsefulSend},
	{Key: UsefulThanks},
	{Key: ReportProblem},
	{Key: FeedbackStatic, Inline: true},
	{Key: FeedbackReason},
	{Key: FeedbackReasonHint},
	{Key: FeedbackFound},
	{Key: FeedbackMore},
	{Key: FeedbackMoreHint},
	{Key: FeedbackPage},
	{Key: FeedbackPageHint},
	{Key: FeedbackAboutYou},
	{Key: FeedbackOrganisation},
	{Key: FeedbackRole},
	{Key: FeedbackRoleHint},
	{Key: FeedbackEmail},
	{Key: FeedbackEmailHint},
	{Key: FeedbackTrap},
	{Key: FeedbackNotice, Inline: true},
	{Key: FeedbackSend},
	{Key: FeedbackProblem},
	{Key: ErrorPrefix},
	{Key: ErrorTitle, Holds: []string{"title"}},
	{Key: FeedbackErrors},
	{Key: FeedbackUnreadableText, Holds: []string{"field"}},
	{Key: FeedbackTooLong, Holds: []string{"field", "max", "count"}},
	{Key: FeedbackNeedFound},
	{Key: FeedbackNeedMore},
	{Key: FeedbackBadEmail},
	{Key: FeedbackTooMany},
	{Key: FeedbackSaveFailed},
	{Key: FeedbackNoStore},
	{Key: FeedbackThanks},
	{Key: FeedbackThanksText},
	{Key: FeedbackHome},
	{Key: NoticesLabel},
	{Key: NoticeSlow},
	{Key: NoticeError},
	{Key: NoticeOfflineSaved},
	{Key: NoticeOffline},
	{Key: NoticeUpdate},
	{Key: NoticeReload},
	{Key: NoticeInstall},
	{Key: NoticeInstallButton},
	{Key: NoticeNotNow},
	{Key: OfflineNotSaved},
	{Key: OfflineSaved, Holds: []string{"date"}},
	{Key: OfflineNoneOff, Inline: true},
	{Key: OfflineNone},
	{Key: Moved},
	{Key: MovedTitle, Holds: []string{"title"}},
	{Key: MovedText, Holds: []string{"title", "path"}},
}
