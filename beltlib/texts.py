"""The one text catalogue: every user-facing sentence in English and French.

Keys are dotted names; values are :meth:`str.format` templates. Numbers are
formatted by :func:`number` and :func:`percent` with each language's
conventions (French: decimal comma, no-break space before ``%``, narrow no-break
space as thousands separator).
"""
from __future__ import annotations

from typing import Any

LANGS = ("en", "fr")
NBSP = "\u00a0"
NNBSP = "\u202f"

CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        # belts
        "belt.none": "no belt", "belt.white": "white belt", "belt.green": "green belt",
        "belt.black": "black belt",
        "belt_title.none": "No belt", "belt_title.white": "White belt",
        "belt_title.green": "Green belt", "belt_title.black": "Black belt",
        # intro
        "intro.title": "What the belts are",
        "intro.body": ("Three levels of using LinkedIn as a networking tool. The white belt is most people: "
                       "present but passive, an outdated profile, under 20 contacts. The green belt (about 10 % of users) "
                       "keeps a current profile and connects with professional acquaintances by reflex. The black belt "
                       "(under 2 %) are networking professionals such as recruiters and salespeople. "
                       "For anyone who looks for a job or may change jobs, the article recommends the green belt: "
                       "the best balance between effort and real usefulness."),
        "intro.source": "Source: the French blog article “Vous envisagez d’utiliser les réseaux pour trouver un job ?”.",
        # fields and choices
        "group.profile": "Your profile", "group.network": "Your network",
        "group.activity": "Your activity", "group.you": "You",
        "field.schema": "Format version",
        "field.persona": "Your situation", "field.findable": "Can people find you on LinkedIn?",
        "field.profile": "Your profile is", "field.photo": "Profile photo",
        "field.premium": "Paid (Premium) account", "field.connections": "Connections (count)",
        "field.invitations": "Invitations", "field.outreach": "Contacting people through LinkedIn",
        "field.groups": "Groups tied to your field or school (count)",
        "field.discussions": "Discussions and forums", "field.reply_time": "When someone writes to you, you reply",
        "field.hours_per_week": "Time on LinkedIn (hours per week)",
        "field.offline_networking": "Keeps in touch by phone and meetings",
        "choice.persona.not_looking": "Not looking for a job",
        "choice.persona.job_seeker": "Looking, or may change jobs",
        "choice.persona.recruiter": "Recruiter", "choice.persona.sales": "Sales",
        "choice.findable.no_profile": "No profile", "choice.findable.hard_to_find": "Hard to find",
        "choice.findable.easy_to_find": "Easy to find",
        "choice.profile.empty": "Empty", "choice.profile.outdated": "Outdated",
        "choice.profile.current": "Current, like a CV",
        "choice.invitations.accept_only": "I accept now and then, rarely invite",
        "choice.invitations.acquaintances": "I connect with acquaintances by reflex",
        "choice.invitations.after_every_meeting": "I connect after every meeting",
        "choice.outreach.never": "Never", "choice.outreach.when_no_other_way": "When there is no other way",
        "choice.outreach.strangers": "Also people I don’t know",
        "choice.discussions.never": "Never", "choice.discussions.read_and_sometimes_post": "I read and sometimes post",
        "choice.discussions.lead": "I lead some discussions",
        "choice.reply_time.rarely": "Rarely", "choice.reply_time.within_week": "Within the week",
        "choice.reply_time.same_day": "The same day",
        "value.yes": "yes", "value.no": "no",
        # personas (in sentences)
        "persona.not_looking": "a person who is not looking for a job",
        "persona.job_seeker": "a person who looks for a job or may change jobs",
        "persona.recruiter": "a recruiter", "persona.sales": "a salesperson",
        # markers (what the marker is) and actions (what to do)
        "marker.profile_current": "Profile current, comparable to your CV",
        "marker.photo": "Profile photo",
        "marker.invites_acquaintances": "Connects with professional acquaintances by reflex",
        "marker.contacts_through_network": "Contacts people through LinkedIn when there is no other way",
        "marker.connections_20": "At least 20 connections",
        "marker.forums": "Reads discussions and sometimes posts",
        "marker.groups": "Member of groups tied to your field or school",
        "marker.same_day_reply": "Replies within the day",
        "marker.connects_after_every_meeting": "Connects within days after every meeting or e-mail exchange",
        "marker.leads_discussions": "Leads some discussions",
        "marker.contacts_strangers": "Contacts people you don’t know",
        "signal.premium": "Paid account", "signal.connections_over_200": "More than 200 connections",
        "action.profile_current": "Update your profile so it matches your CV (current employer, roles, dates).",
        "action.photo": "Add a profile photo.",
        "action.invites_acquaintances": "Send an invitation to the professional acquaintances you already know.",
        "action.contacts_through_network": "When you cannot reach someone otherwise, write to them through LinkedIn.",
        "action.connections_20": "Grow your network past 20 connections: colleagues, former classmates, clients.",
        "action.forums": "Follow the discussions of your field each week and post now and then.",
        "action.groups": "Join a group tied to your field or your school.",
        "action.same_day_reply": "Reply to messages within the day.",
        "action.connects_after_every_meeting": "After every meeting or e-mail exchange, connect within a few days.",
        "action.leads_discussions": "Start and lead discussions in your field.",
        "action.contacts_strangers": "Contact people you don’t know yet who matter for your work.",
        "reason.profile_current": "Green belts keep a profile that is current, well described and comparable to their CV.",
        "reason.photo": "Green belts have put a photo on their profile.",
        "reason.invites_acquaintances": "Green belts connect with their professional acquaintances by reflex.",
        "reason.contacts_through_network": "Green belts contact their acquaintances through LinkedIn when there is no other way.",
        "reason.connections_20": "Green belts have a significant number of contacts, between 20 and 200; white belts have fewer than 20.",
        "reason.forums": "Green belts read the forums regularly and take part now and then.",
        "reason.groups": "Green belts belong to groups tied to their specialty or their studies.",
        "reason.same_day_reply": "Black belts are active and responsive: when asked, they reply within the day.",
        "reason.connects_after_every_meeting": "Black belts connect within days after meeting someone or exchanging e-mails.",
        "reason.leads_discussions": "Black belts take an active part in discussions and lead some of them.",
        "reason.contacts_strangers": "Black belts sometimes contact people they don’t know through the network.",
        "minutes": "about {minutes} min",
        "unit.hours_per_week": "{hours}\u00a0h/week",
        "result.marker": "Marker", "result.met_header": "Met",
        # result
        "result.title": "Your result",
        "result.belt": "Your belt: {belt}",
        "result.score": "Score: {score} / 100 ({green} of 7 green markers, {black} of 4 black markers)",
        "result.percentile": ("Estimated percentile: {percentile}. From the article’s figures, about {percentile_pct} of "
                              "LinkedIn users use it less than you (the {belt} band runs from {low} to {high})."),
        "result.percentile_none": "Without a LinkedIn profile you are not in the article’s population of users.",
        "result.target": "For {persona}, the belt to aim for is the {target}.",
        "result.at_target": "You are at the belt that suits you: keep it up.",
        "result.below_target": "You are below the belt that suits you: see the action plan.",
        "result.above_target": "You are above the belt your situation needs (see the notes of the action plan).",
        "result.markers_title": "Marker by marker",
        "result.met": "met", "result.not_met": "not met",
        "result.signals": "Supporting signals (shown, not counted): {signals}",
        "result.no_signals": "none",
        "result.effort": ("At {hours} hours a week, your practice brings a usefulness of {usefulness} out of 1; "
                          "the best balance for you is the {target}, about {target_hours} hours a week."),
        # plots
        "plot.population.title": "Where you sit",
        "plot.population.xlabel": "LinkedIn users (percentile)",
        "plot.population.you": "you ({percentile})",
        "plot.population.band": "{belt}: {share}",
        "plot.population.alt": "Estimated percentile {percentile}: in the {belt} band, {low} to {high}.",
        "plot.population.alt_none": "No profile: not placed among LinkedIn users.",
        "plot.effort.title": "Effort vs usefulness",
        "plot.effort.xlabel": "Hours per week on LinkedIn",
        "plot.effort.ylabel": "Usefulness (0–1)",
        "plot.effort.best": "best balance",
        "plot.effort.you": "you",
        "plot.effort.curve": "usefulness: {persona}",
        "plot.effort.alt": ("Effort vs usefulness for {persona}: the best balance is the {target} at about {target_hours} "
                            "hours a week; you spend {hours} hours a week for a usefulness of {usefulness}."),
        # action plan
        "plan.title": "Your action plan",
        "plan.intro": "To reach the {target}, cheapest first:",
        "plan.intro_reached": "You have reached the {target}. To make it sturdier, the markers you do not meet yet, cheapest first:",
        "plan.none": "Nothing to add: you already meet the markers of the {target}.",
        "plan.no_profile": "Create a LinkedIn profile first: without one, nobody can find you.",
        "plan.notes": "Good to know",
        "note.outdated_profile": ("An outdated profile misleads people (“that can’t be him, it’s not the right employer”): "
                                  "update it or leave it empty."),
        "note.offline": "LinkedIn is not the only way to keep up a network: the phone and meetings are even better.",
        "note.offline_keep": "You keep in touch by phone and meetings: the article calls that even better than LinkedIn.",
        "note.premium_not_needed": "You do not need a paid account to reach the green belt.",
        "note.above_target": "You are beyond what your situation needs: you can spend less time on LinkedIn.",
        "note.recommendations": "LinkedIn recommendations are not counted: the article’s author considers them worthless.",
        # synthesis
        "synthesis.title": "The three belts side by side",
        "synthesis.belt": "Belt", "synthesis.markers": "Markers", "synthesis.share": "Share of users",
        "synthesis.effort": "Typical effort", "synthesis.suits": "Who it suits",
        "synthesis.markers.white": "Findable, sometimes with difficulty; profile outdated or empty; under 20 contacts; accepts invitations now and then, rarely invites.",
        "synthesis.markers.green": "At least {green_min} of the 7 green markers: current profile, photo, connects with acquaintances, contacts through LinkedIn when needed, 20 contacts or more (the article: 20 to 200), reads and sometimes posts, groups.",
        "synthesis.markers.black": "Green, plus at least {black_min} of the 4 black markers: replies within the day, connects after every meeting, leads discussions, contacts strangers. Sometimes a paid account.",
        "synthesis.share.white": "most users (about {share})", "synthesis.share.green": "about {share}",
        "synthesis.share.black": "under {share}",
        "synthesis.effort.white": "a few minutes a month", "synthesis.effort.green": "about an hour a week",
        "synthesis.effort.black": "about an hour a day",
        "synthesis.suits.white": "Where most people in a job who do not plan to change stay: enough to be found. The article recommends green as soon as you may change jobs.",
        "synthesis.suits.green": "Anyone who looks for a job or may change jobs: the recommended belt.",
        "synthesis.suits.black": "Recruiters and salespeople, for whom finding contacts is the job.",
        # method
        "method.title": "Method and assumptions",
        "method.body": ("The belts, markers and shares come from the article. The numbers it does not give are "
                        "named assumptions, listed here with their values. The percentile is an estimate from the article’s "
                        "figures, not a measurement."),
        "method.name": "Assumption", "method.value": "Value", "method.why": "Why",
        "assumption.GREEN_MIN_MARKERS": "Green markers needed for the green belt: a clear majority of the 7.",
        "assumption.BLACK_MIN_MARKERS": "Black markers needed (on top of green) for the black belt: most of the 4.",
        "assumption.GREEN_POINTS": "Score points per green marker (7 × 10 = 70).",
        "assumption.BLACK_POINTS": "Score points per black marker (4 × 7.5 = 30), so the score tops out at 100.",
        "assumption.SHARES": "Share of users per belt in percent: the article gives about 10 % green and under 2 % black; white is the rest.",
        "assumption.BAND_HEADROOM_POINTS": "Score points of headroom at the top of the white and green percentile bands.",
        "assumption.BELT_HOURS_PER_WEEK": "Typical hours per week per belt: a few minutes a month, an hour a week, an hour a day.",
        "assumption.EFFORT_CURVES": "Usefulness curve per situation: ceiling × (1 − e^(−hours/scale)), minus a cost per hour.",
        "assumption.ACTION_MINUTES": "Rough minutes each action takes, to order the action plan cheapest first.",
        "assumption.MAX_HOURS_PER_WEEK": "Most hours per week one can report.",
        # answers table (static report)
        "answers.title": "Your answers",
        "answers.field": "Question", "answers.value": "Answer", "answers.origin": "From",
        "origin.you": "from you", "origin.export": "from your export",
        # ui
        "ui.lang": "Language", "ui.reset": "Reset to example",
        "ui.corrupt": ("Your answers file could not be read ({error}). It was kept as {backup}; the example answers are used."),
        "ui.invalid": "Not saved: {error}",
        "ui.lang.en": "English", "ui.lang.fr": "Français",
        "ui.status_example": "Example answers: your first change will be saved to {path}.",
        "ui.status_loaded": "Your answers were read from {path}; every change is saved there.",
        "ui.status_saved": "Change {count} saved to {path}.",
        "ui.prefilled": "Prefilled from your LinkedIn export: {fields}.",
        "ui.fallback": "interactive: run the notebook, or open it with make app",
        "origin.example": "from the example",
        "ui.bad_number": "{field}: “{text}” is not accepted. {allowed} The result still uses {value}.",
        "ui.no_number": "{field}: nothing was entered. {allowed} The result still uses {value}.",
        "ui.undo_reset": "Undo reset",
        "ui.status_reset": ("Change {count} saved to {path}: the example answers. Your previous answers are kept "
                            "in {prev}; “{undo}” brings them back."),
        "ui.reset_failed": "nothing was reset: your answers could not be kept in {prev} ({reason}).",
        "ui.need_int_range": "Enter a whole number from {min} to {max}.",
        "ui.need_int_min": "Enter a whole number of at least {min}.",
        "ui.need_number_range": "Enter a number from {min} to {max} (for example 2.5).",
        "ui.need_number_min": "Enter a number of at least {min} (for example 2.5).",
        "ui.corrupt_kept": ("Your answers file could not be read ({error}) nor kept aside ({reason}); it is left "
                            "untouched and nothing is saved. The example answers are used."),
        # live app (beltlib.app): shared mode, page-side messages, recovered answers
        "ui.status_session": ("Example answers to start from. Your changes stay in this browser tab only: "
                              "nothing is saved on the server."),
        "ui.status_session_changed": ("Change {count} taken; kept in this browser tab only "
                                      "(nothing is saved on the server)."),
        "ui.fields_replaced": ("Some answers in your file could not be used ({problems}); the example’s values "
                               "are used for them and your other answers are kept. The file as it was is kept "
                               "as {backup}."),
        "ui.summary_snapshot": "(Snapshot when the report was opened: the result above follows your changes.)",
        "ui.pending": "Not taken yet: press Enter or leave the box.",
        "ui.lost": "The report lost its connection: nothing you change now is taken or saved. Reload the page.",
        "ui.lost_status": "Not saved: the report lost its connection. Reload the page.",
        "ui.upload_limit": "{name} is {size} MB, larger than the {limit} MB this server accepts for an upload.",
        "ui.upload_use_path": "Type the zip’s path in the field above and choose “Load export” instead.",
        "ui.upload_smaller": ("Ask LinkedIn for a smaller export (without messages), or open the report on your "
                              "own machine."),
        "ui.uploading": "Sending {name} ({size} MB)…",
        "ui.upload_failed": "{name} did not reach the report: the connection closed (the upload limit is {limit} MB).",
        "ui.callback_error": "Something went wrong ({error}); nothing was changed.",
        "export.no_user": "{path}: not found (there is no user “{user}” on this machine to expand “~{user}”)",
        "export.shared_no_path": "Reading a path on the server is off in shared mode: upload the zip instead.",
        # interactive published page (beltlib.publish.interactive)
        "page.hint": ("Change any answer: your belt, the plots and the action plan update at once. "
                      "Your answers stay in this page: nothing is sent anywhere."),
        "page.reset": "Reset to the published answers",
        "page.noscript": "This page needs JavaScript to update; the result shown is for the published answers.",
        "page.need_int_range": "{field}: enter a whole number from {min} to {max}.",
        "page.need_int_min": "{field}: enter a whole number of at least {min}.",
        "page.need_number_range": "{field}: enter a number from {min} to {max} (for example 2.5).",
        "page.need_number_min": "{field}: enter a number of at least {min} (for example 2.5).",
        "page.kept": "The result still uses {value}.",
        "report.title": "Belt Report",
        "report.generated": "Generated on {date}.",
        "report.default_title": "Belt Report: how you use LinkedIn",
        # LinkedIn data export (beltlib.linkedin.export, beltlib.linkedin.timeline)
        "export.title": "What your LinkedIn export shows",
        "export.connections": "Connections: {n} (first {first}, last {last})",
        "export.connections_nodates": "Connections: {n}",
        "export.invitations": "Invitations: {sent} sent, {received} received",
        "export.messages": "Messages: {sent} sent, {received} received, in {conversations} conversations ({started} started by you)",
        "export.replies": "Your replies sent within 24 hours: {share}",
        "export.replies_none": "Your replies sent within 24 hours: no reply to measure",
        "export.activity": "Posts: {shares}, comments: {comments}, reactions: {reactions}",
        "export.paid_yes": "Paid subscription: yes (receipts show a paid product)",
        "export.paid_no": "Paid subscription: no (no paid product in the receipts)",
        "export.unknown": "not in the archive",
        "export.absent": "{what}: not in the archive",
        "export.unreadable": "{what}: could not be read (see below)",
        "export.label.connections": "Connections",
        "export.label.invitations": "Invitations",
        "export.label.messages": "Messages",
        "export.paid_unknown": "Paid subscription: unknown (no receipts in the archive)",
        "export.files": "Files found: {n}",
        "export.problems": "Could not be read ({n}):",
        "timeline.title_connections": "Connections over time",
        "timeline.ylabel_connections": "Connections (cumulative)",
        "timeline.threshold_20": "20: green-belt minimum",
        "timeline.threshold_200": "200: upper end of the green belt",
        "timeline.crossed": "{n} reached on {date}",
        "timeline.not_crossed": "{n} not reached",
        "timeline.no_connections": "No dated connections in the archive",
        "timeline.title_activity": "Activity per month",
        "timeline.ylabel_activity": "Per month",
        "timeline.invitations_sent": "Invitations sent",
        "timeline.messages_sent": "Messages sent",
        "timeline.posts_comments": "Posts and comments",
        "timeline.no_activity": "No dated activity in the archive",
        "timeline.missing": "Not in the archive: {what}",
        # the export in the report (issue 5)
        "export.section_title": "Your LinkedIn data export",
        "export.privacy": ("Counts and dates only: no name, e-mail, profile address or message from the archive "
                           "appears in this report."),
        "export.live_intro": ("Start from your real data: on LinkedIn, Settings & Privacy → Data privacy → Get a copy "
                              "of your data. Load the zip as downloaded (or its extracted folder) by its path, or upload "
                              "the zip. It is read in memory on this computer, never extracted; what it shows replaces "
                              "your answers on connections, invitations, discussions and reply time, and on the photo "
                              "and the paid account when it shows them. Counts and dates only are shown, never a name."),
        "export.path_label": "Path of your export (zip or folder)",
        "export.path_placeholder": "e.g. ~/Downloads/Basic_LinkedInDataExport_11-02-2026.zip",
        "export.load": "Load export",
        "export.upload": "Upload the zip",
        "export.loaded": "Export read: {name}.",
        "export.error": "The export could not be read: {error}. Your answers are unchanged.",
        "export.no_path": "Type the path of your export first (a .zip file or a folder).",
        "timeline.alt_connections": "Connections over time: {n} connections from {first} to {last}; {crossings}.",
        "timeline.alt_no_connections": "Connections over time: no dated connection in the archive.",
        "timeline.alt_activity": ("Activity per month, in total: invitations sent {invitations}, messages sent "
                                  "{messages}, posts and comments {posts}."),
        # the export mapping's named assumptions (the same words as beltlib.linkedin.export.EXPORT_ASSUMPTIONS)
        "assumption.CONNECTIONS_CAP": "LinkedIn caps first-degree connections at 30,000; the count is copied as is up to that cap.",
        "assumption.REPLY_SAME_DAY_HOURS": "A reply within 24 hours of the message it answers counts as 'within the day' (article: a black belt replies within the day).",
        "assumption.REPLY_WITHIN_WEEK_HOURS": "A reply within 7 days counts as 'within a week'.",
        "assumption.REPLY_SAME_DAY_MIN_SHARE": "reply_time is same_day when at least half of the person's replies were sent within 24 hours (more often than not).",
        "assumption.REPLY_WITHIN_WEEK_MIN_SHARE": "Otherwise reply_time is within_week when at least half of the replies were sent within 7 days, else rarely.",
        "assumption.ACTIVITY_WINDOW_MONTHS": "Paces are measured over the 12 calendar months ending with the latest date in the archive (a proxy for the export date).",
        "assumption.INVITATIONS_SENT_SHARE_ACQUAINTANCES": "Sending under a quarter of all invitations means rarely inviting (white belt: accepts, rarely invites); from a quarter on, connecting by reflex.",
        "assumption.INVITATIONS_SENT_SHARE_EVERY_MEETING": "Connecting after every meeting (black belt) needs sending at least as many invitations as receiving.",
        "assumption.CONNECTION_PACE_EVERY_MEETING_PER_MONTH": "...and about one new connection a week (4 a month) over the window: 'connects within days after every meeting'.",
        "assumption.DISCUSSIONS_LEAD_MIN_PER_MONTH": "About one post or comment a week means taking an active part in discussions and leading some (black belt).",
        "assumption.DISCUSSIONS_SOMETIMES_MIN_PER_MONTH": "At least one post or comment in the last 12 months means taking part now and then (green belt); none means never.",
        "publish.wrote": "Wrote {path} ({size} KB).",
    },
    "fr": {
        "belt.none": "pas de ceinture", "belt.white": "ceinture blanche", "belt.green": "ceinture verte",
        "belt.black": "ceinture noire",
        "belt_title.none": "Pas de ceinture", "belt_title.white": "Ceinture blanche",
        "belt_title.green": "Ceinture verte", "belt_title.black": "Ceinture noire",
        "intro.title": "Les ceintures",
        "intro.body": ("Trois niveaux d’usage de LinkedIn pour son réseau. La ceinture blanche, c’est la plupart des gens : "
                       "présents mais peu actifs, un profil pas à jour, moins de 20 contacts. La ceinture verte (environ 10 % "
                       "des utilisateurs) tient son profil à jour et se connecte par réflexe à ses connaissances professionnelles. "
                       "La ceinture noire (moins de 2 %) regroupe les pros du réseau, comme les recruteurs et les commerciaux. "
                       "Pour qui cherche un job ou est susceptible de changer de boulot, l’article conseille la ceinture verte : "
                       "le meilleur équilibre entre l’effort d’implication et l’utilité réelle."),
        "intro.source": "Source : l’article de blog « Vous envisagez d’utiliser les réseaux pour trouver un job ? ».",
        "group.profile": "Votre profil", "group.network": "Votre réseau",
        "group.activity": "Votre activité", "group.you": "Vous",
        "field.schema": "Version du format",
        "field.persona": "Votre situation", "field.findable": "Vous retrouve-t-on sur LinkedIn ?",
        "field.profile": "Votre profil est", "field.photo": "Photo de profil",
        "field.premium": "Compte payant (Premium)", "field.connections": "Relations (nombre)",
        "field.invitations": "Invitations", "field.outreach": "Contacter des gens via LinkedIn",
        "field.groups": "Groupes liés à votre métier ou cursus (nombre)",
        "field.discussions": "Discussions et forums", "field.reply_time": "Quand on vous écrit, vous répondez",
        "field.hours_per_week": "Temps sur LinkedIn (heures par semaine)",
        "field.offline_networking": "Entretient son réseau par téléphone et rencontres",
        "choice.persona.not_looking": "Ne cherche pas de job",
        "choice.persona.job_seeker": "Cherche, ou pourrait changer de job",
        "choice.persona.recruiter": "Recruteur", "choice.persona.sales": "Commercial",
        "choice.findable.no_profile": "Pas de profil", "choice.findable.hard_to_find": "Difficile à trouver",
        "choice.findable.easy_to_find": "Facile à trouver",
        "choice.profile.empty": "Vide", "choice.profile.outdated": "Pas à jour",
        "choice.profile.current": "À jour, comme un CV",
        "choice.invitations.accept_only": "J’accepte de temps en temps, j’invite rarement",
        "choice.invitations.acquaintances": "Je me connecte par réflexe à mes connaissances",
        "choice.invitations.after_every_meeting": "Je me connecte après chaque rencontre",
        "choice.outreach.never": "Jamais", "choice.outreach.when_no_other_way": "Quand il n’y a pas d’autre moyen",
        "choice.outreach.strangers": "Aussi des inconnus",
        "choice.discussions.never": "Jamais", "choice.discussions.read_and_sometimes_post": "Je lis et participe parfois",
        "choice.discussions.lead": "J’anime certaines discussions",
        "choice.reply_time.rarely": "Rarement", "choice.reply_time.within_week": "Dans la semaine",
        "choice.reply_time.same_day": "Dans la journée",
        "value.yes": "oui", "value.no": "non",
        "persona.not_looking": "une personne qui ne cherche pas de job",
        "persona.job_seeker": "une personne qui cherche un job ou pourrait en changer",
        "persona.recruiter": "un recruteur", "persona.sales": "un commercial",
        "marker.profile_current": "Profil à jour, comparable à votre CV",
        "marker.photo": "Photo de profil",
        "marker.invites_acquaintances": "Se connecte par réflexe à ses connaissances professionnelles",
        "marker.contacts_through_network": "Contacte des gens via LinkedIn quand il n’y a pas d’autre moyen",
        "marker.connections_20": "Au moins 20 relations",
        "marker.forums": "Lit les discussions et participe parfois",
        "marker.groups": "Membre de groupes liés à son métier ou son cursus",
        "marker.same_day_reply": "Répond dans la journée",
        "marker.connects_after_every_meeting": "Se connecte dans les jours qui suivent chaque rencontre ou échange de mails",
        "marker.leads_discussions": "Anime certaines discussions",
        "marker.contacts_strangers": "Contacte des personnes qu’il ne connaît pas",
        "signal.premium": "Compte payant", "signal.connections_over_200": "Plus de 200 relations",
        "action.profile_current": "Mettez votre profil à jour pour qu’il corresponde à votre CV (employeur actuel, postes, dates).",
        "action.photo": "Ajoutez une photo de profil.",
        "action.invites_acquaintances": "Invitez les connaissances professionnelles que vous avez déjà.",
        "action.contacts_through_network": "Quand vous ne pouvez joindre quelqu’un autrement, écrivez-lui via LinkedIn.",
        "action.connections_20": "Dépassez 20 relations : collègues, anciens camarades de promotion, clients.",
        "action.forums": "Suivez chaque semaine les discussions de votre domaine et participez de temps en temps.",
        "action.groups": "Rejoignez un groupe lié à votre métier ou à votre école.",
        "action.same_day_reply": "Répondez aux messages dans la journée.",
        "action.connects_after_every_meeting": "Après chaque rencontre ou échange de mails, connectez-vous dans les jours qui suivent.",
        "action.leads_discussions": "Lancez et animez des discussions dans votre domaine.",
        "action.contacts_strangers": "Contactez des personnes que vous ne connaissez pas encore et qui comptent pour votre travail.",
        "reason.profile_current": "Les ceintures vertes ont un profil à jour, bien décrit, comparable à leur CV.",
        "reason.photo": "Les ceintures vertes ont mis une photo.",
        "reason.invites_acquaintances": "Les ceintures vertes ont le réflexe de se connecter à leurs connaissances professionnelles.",
        "reason.contacts_through_network": "Les ceintures vertes contactent leurs connaissances par ce biais quand il n’y a pas d’autre moyen.",
        "reason.connections_20": "Les ceintures vertes ont un nombre de contacts significatif, entre 20 et 200 ; les blanches en ont moins de 20.",
        "reason.forums": "Les ceintures vertes consultent régulièrement les forums et y participent ponctuellement.",
        "reason.groups": "Les ceintures vertes sont rattachées à des groupes liés à leur spécialité ou leur cursus.",
        "reason.same_day_reply": "Les ceintures noires sont actives et réactives : sollicitées, elles répondent dans la journée.",
        "reason.connects_after_every_meeting": "Les ceintures noires se connectent dans les jours qui suivent chaque rencontre ou échange de mails.",
        "reason.leads_discussions": "Les ceintures noires participent activement aux discussions et en animent certaines.",
        "reason.contacts_strangers": "Il arrive aux ceintures noires de contacter des personnes qu’elles ne connaissent pas.",
        "minutes": "environ {minutes} min",
        "unit.hours_per_week": "{hours}\u00a0h/semaine",
        "result.marker": "Marqueur", "result.met_header": "Rempli",
        "result.title": "Votre résultat",
        "result.belt": "Votre ceinture : {belt}",
        "result.score": "Score : {score} / 100 (marqueurs verts : {green} sur 7, marqueurs noirs : {black} sur 4)",
        "result.percentile": ("Centile estimé : {percentile}. D’après les chiffres de l’article, environ {percentile_pct} des "
                              "utilisateurs de LinkedIn s’en servent moins que vous (la bande de la {belt} va de {low} à {high})."),
        "result.percentile_none": "Sans profil LinkedIn, vous ne faites pas partie des utilisateurs dont parle l’article.",
        "result.target": "Pour {persona}, la ceinture à viser est la {target}.",
        "result.at_target": "Vous êtes à la ceinture qui vous convient : continuez ainsi.",
        "result.below_target": "Vous êtes en dessous de la ceinture qui vous convient : voyez le plan d’action.",
        "result.above_target": "Vous êtes au-dessus de la ceinture dont votre situation a besoin (voyez les remarques du plan d’action).",
        "result.markers_title": "Marqueur par marqueur",
        "result.met": "oui", "result.not_met": "non",
        "result.signals": "Signaux d’appoint (affichés, non comptés) : {signals}",
        "result.no_signals": "aucun",
        "result.effort": ("À {hours}\u00a0h par semaine, votre pratique vous apporte une utilité de {usefulness} sur 1 ; "
                          "le meilleur équilibre pour vous est la {target}, environ {target_hours}\u00a0h par semaine."),
        "plot.population.title": "Où vous situez-vous\u00a0?",
        "plot.population.xlabel": "Utilisateurs de LinkedIn (centile)",
        "plot.population.you": "vous ({percentile})",
        "plot.population.band": "{belt}\u00a0: {share}",
        "plot.population.alt": "Centile estimé {percentile} : dans la bande de la {belt}, de {low} à {high}.",
        "plot.population.alt_none": "Pas de profil : non placé parmi les utilisateurs de LinkedIn.",
        "plot.effort.title": "Effort et utilité",
        "plot.effort.xlabel": "Heures par semaine sur LinkedIn",
        "plot.effort.ylabel": "Utilité (0–1)",
        "plot.effort.best": "meilleur équilibre",
        "plot.effort.you": "vous",
        "plot.effort.curve": "utilité\u00a0: {persona}",
        "plot.effort.alt": ("Effort et utilité pour {persona} : le meilleur équilibre est la {target}, environ "
                            "{target_hours}\u00a0h par semaine ; vous y passez {hours}\u00a0h par semaine pour une utilité de {usefulness}."),
        "plan.title": "Votre plan d’action",
        "plan.intro": "Pour atteindre la {target}, du moins coûteux au plus coûteux :",
        "plan.intro_reached": "Vous avez atteint la {target}. Pour la consolider, les marqueurs qui vous manquent encore, du moins coûteux au plus coûteux :",
        "plan.none": "Rien à ajouter : vous remplissez déjà les marqueurs de la {target}.",
        "plan.no_profile": "Créez d’abord un profil LinkedIn : sans lui, personne ne peut vous retrouver.",
        "plan.notes": "Bon à savoir",
        "note.outdated_profile": ("Un profil pas à jour peut provoquer des malentendus (« ça ne doit pas être lui, ce n’est pas "
                                  "le bon employeur ») : mettez-le à jour."),
        "note.offline": "LinkedIn n’est pas le seul moyen d’entretenir son réseau : le téléphone et les rencontres, c’est encore mieux.",
        "note.offline_keep": "Vous entretenez votre réseau par téléphone et rencontres : l’article juge cela encore mieux que LinkedIn.",
        "note.premium_not_needed": "Vous n’avez pas besoin d’un abonnement payant pour être ceinture verte.",
        "note.above_target": "Vous allez au-delà de ce que votre situation demande : vous pouvez passer moins de temps sur LinkedIn.",
        "note.recommendations": "Les recommandations LinkedIn ne sont pas comptées : l’auteur de l’article les juge « complètement pipeau ».",
        "synthesis.title": "Les trois ceintures côte à côte",
        "synthesis.belt": "Ceinture", "synthesis.markers": "Marqueurs", "synthesis.share": "Part des utilisateurs",
        "synthesis.effort": "Effort typique", "synthesis.suits": "Pour qui",
        "synthesis.markers.white": "On le retrouve, parfois avec difficulté ; profil pas à jour ou vide ; moins de 20 contacts ; accepte ponctuellement les invitations, invite très rarement.",
        "synthesis.markers.green": "Au moins {green_min} des 7 marqueurs verts : profil à jour, photo, connexion aux connaissances, contact via LinkedIn si besoin, 20 contacts ou plus (l’article : 20 à 200), lit et participe parfois, groupes.",
        "synthesis.markers.black": "Verte, plus au moins {black_min} des 4 marqueurs noirs : répond dans la journée, se connecte après chaque rencontre, anime des discussions, contacte des inconnus. Parfois un compte payant.",
        "synthesis.share.white": "la plupart (environ {share})", "synthesis.share.green": "environ {share}",
        "synthesis.share.black": "moins de {share}",
        "synthesis.effort.white": "quelques minutes par mois", "synthesis.effort.green": "environ une heure par semaine",
        "synthesis.effort.black": "environ une heure par jour",
        "synthesis.suits.white": "Là où restent la plupart des personnes en poste qui ne cherchent pas à changer : juste de quoi être retrouvé. L’article conseille la verte dès que l’on peut changer de job.",
        "synthesis.suits.green": "Quiconque cherche un job ou pourrait en changer : la ceinture conseillée.",
        "synthesis.suits.black": "Recruteurs et commerciaux, pour qui chercher des contacts fait partie du métier.",
        "method.title": "Méthode et hypothèses",
        "method.body": ("Les ceintures, les marqueurs et les parts viennent de l’article. Les nombres qu’il ne donne pas sont "
                        "des hypothèses nommées, listées ici avec leur valeur. Le centile est une estimation tirée des chiffres "
                        "de l’article, pas une mesure."),
        "method.name": "Hypothèse", "method.value": "Valeur", "method.why": "Pourquoi",
        "assumption.GREEN_MIN_MARKERS": "Marqueurs verts nécessaires pour la ceinture verte : une nette majorité des 7.",
        "assumption.BLACK_MIN_MARKERS": "Marqueurs noirs nécessaires (en plus de la verte) pour la ceinture noire : la plupart des 4.",
        "assumption.GREEN_POINTS": "Points de score par marqueur vert (7 × 10 = 70).",
        "assumption.BLACK_POINTS": "Points de score par marqueur noir (4 × 7,5 = 30), pour un score maximal de 100.",
        "assumption.SHARES": "Part des utilisateurs par ceinture, en pourcentage : l’article donne environ 10 % de vertes et moins de 2 % de noires ; les blanches sont le reste.",
        "assumption.BAND_HEADROOM_POINTS": "Marge, en points de score, en haut des bandes de centiles blanche et verte.",
        "assumption.BELT_HOURS_PER_WEEK": "Heures typiques par semaine selon la ceinture : quelques minutes par mois, une heure par semaine, une heure par jour.",
        "assumption.EFFORT_CURVES": "Courbe d’utilité par situation : plafond × (1 − e^(−heures/échelle)), moins un coût par heure.",
        "assumption.ACTION_MINUTES": "Minutes approximatives de chaque action, pour ordonner le plan du moins coûteux au plus coûteux.",
        "assumption.MAX_HOURS_PER_WEEK": "Nombre maximal d’heures par semaine que l’on peut déclarer.",
        "answers.title": "Vos réponses",
        "answers.field": "Question", "answers.value": "Réponse", "answers.origin": "Origine",
        "origin.you": "de vous", "origin.export": "de votre export",
        "ui.lang": "Langue", "ui.reset": "Revenir à l’exemple",
        "ui.corrupt": ("Votre fichier de réponses est illisible ({error}). Il a été mis de côté sous {backup} ; "
                       "les réponses d’exemple sont utilisées."),
        "ui.invalid": "Non enregistré : {error}",
        "ui.lang.en": "English", "ui.lang.fr": "Français",
        "ui.status_example": "Réponses d’exemple : votre première modification sera enregistrée dans {path}.",
        "ui.status_loaded": "Vos réponses ont été lues dans {path} ; chaque modification y est enregistrée.",
        "ui.status_saved": "Modification {count} enregistrée dans {path}.",
        "ui.prefilled": "Prérempli depuis votre export LinkedIn : {fields}.",
        "ui.fallback": "interactif : exécutez le notebook, ou ouvrez-le avec make app",
        "origin.example": "de l’exemple",
        "ui.bad_number": "{field}\u00a0: «\u00a0{text}\u00a0» n’est pas accepté. {allowed} Le résultat utilise toujours {value}.",
        "ui.no_number": "{field}\u00a0: rien n’a été saisi. {allowed} Le résultat utilise toujours {value}.",
        "ui.undo_reset": "Annuler le retour à l’exemple",
        "ui.status_reset": ("Modification {count} enregistrée dans {path}\u00a0: les réponses d’exemple. Vos réponses "
                            "précédentes sont conservées dans {prev}\u00a0; «\u00a0{undo}\u00a0» les rétablit."),
        "ui.reset_failed": "rien n’a été réinitialisé\u00a0: vos réponses n’ont pas pu être conservées dans {prev} ({reason}).",
        "ui.need_int_range": "Entrez un nombre entier de {min} à {max}.",
        "ui.need_int_min": "Entrez un nombre entier d’au moins {min}.",
        "ui.need_number_range": "Entrez un nombre de {min} à {max} (par exemple 2,5).",
        "ui.need_number_min": "Entrez un nombre d’au moins {min} (par exemple 2,5).",
        "ui.corrupt_kept": ("Votre fichier de réponses est illisible ({error}) et n’a pas pu être mis de côté "
                            "({reason}) ; il est laissé tel quel et rien n’est enregistré. Les réponses d’exemple sont utilisées."),
        "ui.status_session": ("Réponses d’exemple pour commencer. Vos modifications restent dans cet onglet "
                              "seulement\u00a0: rien n’est enregistré sur le serveur."),
        "ui.status_session_changed": ("Modification {count} prise en compte\u00a0; gardée dans cet onglet seulement "
                                      "(rien n’est enregistré sur le serveur)."),
        "ui.fields_replaced": ("Certaines réponses de votre fichier n’ont pas pu être utilisées ({problems})\u00a0; "
                               "les valeurs de l’exemple les remplacent et vos autres réponses sont gardées. "
                               "Le fichier tel qu’il était est conservé sous {backup}."),
        "ui.summary_snapshot": ("(Instantané à l’ouverture du rapport\u00a0: le résultat ci-dessus suit vos "
                                "modifications.)"),
        "ui.pending": "Pas encore pris en compte\u00a0: appuyez sur Entrée ou quittez la case.",
        "ui.lost": ("Le rapport a perdu sa connexion\u00a0: ce que vous modifiez maintenant n’est ni pris en compte "
                    "ni enregistré. Rechargez la page."),
        "ui.lost_status": "Non enregistré\u00a0: le rapport a perdu sa connexion. Rechargez la page.",
        "ui.upload_limit": ("{name} fait {size}\u00a0Mo, plus que les {limit}\u00a0Mo que ce serveur accepte en "
                            "téléversement."),
        "ui.upload_use_path": ("Indiquez plutôt le chemin du zip dans le champ ci-dessus et choisissez "
                               "«\u00a0Charger l’export\u00a0»."),
        "ui.upload_smaller": ("Demandez à LinkedIn un export plus petit (sans les messages), ou ouvrez le rapport "
                              "sur votre propre machine."),
        "ui.uploading": "Envoi de {name} ({size}\u00a0Mo)…",
        "ui.upload_failed": ("{name} n’est pas arrivé jusqu’au rapport\u00a0: la connexion s’est fermée (la limite "
                             "de téléversement est de {limit}\u00a0Mo)."),
        "ui.callback_error": "Un problème est survenu ({error})\u00a0; rien n’a été modifié.",
        "export.no_user": ("{path}\u00a0: introuvable (il n’y a pas d’utilisateur «\u00a0{user}\u00a0» sur cette "
                           "machine pour développer «\u00a0~{user}\u00a0»)"),
        "export.shared_no_path": ("La lecture d’un chemin sur le serveur est désactivée en mode partagé\u00a0: "
                                  "téléversez plutôt le zip."),
        "page.hint": ("Modifiez une réponse : votre ceinture, les graphiques et le plan d’action se mettent à jour aussitôt. "
                      "Vos réponses restent dans cette page : rien n’est envoyé nulle part."),
        "page.reset": "Revenir aux réponses publiées",
        "page.noscript": "Cette page a besoin de JavaScript pour se mettre à jour ; le résultat affiché correspond aux réponses publiées.",
        "page.need_int_range": "{field}\u00a0: entrez un nombre entier de {min} à {max}.",
        "page.need_int_min": "{field}\u00a0: entrez un nombre entier d’au moins {min}.",
        "page.need_number_range": "{field}\u00a0: entrez un nombre de {min} à {max} (par exemple 2,5).",
        "page.need_number_min": "{field}\u00a0: entrez un nombre d’au moins {min} (par exemple 2,5).",
        "page.kept": "Le résultat utilise toujours {value}.",
        "report.title": "Belt Report",
        "report.generated": "Généré le {date}.",
        "report.default_title": "Belt Report : votre usage de LinkedIn",
        # LinkedIn data export (beltlib.linkedin.export, beltlib.linkedin.timeline)
        "export.title": "Ce que montre votre export LinkedIn",
        "export.connections": "Relations\xa0: {n} (première le {first}, dernière le {last})",
        "export.connections_nodates": "Relations\xa0: {n}",
        "export.invitations": "Invitations\xa0: {sent} envoyées, {received} reçues",
        "export.messages": "Messages\xa0: {sent} envoyés, {received} reçus, dans {conversations} conversations ({started} lancées par vous)",
        "export.replies": "Vos réponses envoyées en moins de 24\xa0heures\xa0: {share}",
        "export.replies_none": "Vos réponses envoyées en moins de 24\xa0heures\xa0: aucune réponse à mesurer",
        "export.activity": "Publications\xa0: {shares}, commentaires\xa0: {comments}, réactions\xa0: {reactions}",
        "export.paid_yes": "Abonnement payant\xa0: oui (les reçus montrent un produit payant)",
        "export.paid_no": "Abonnement payant\xa0: non (aucun produit payant dans les reçus)",
        "export.unknown": "absent de l’archive",
        "export.absent": "{what}\xa0: absent de l’archive",
        "export.unreadable": "{what}\u00a0: illisible (voir plus bas)",
        "export.label.connections": "Relations",
        "export.label.invitations": "Invitations",
        "export.label.messages": "Messages",
        "export.paid_unknown": "Abonnement payant\xa0: inconnu (pas de reçus dans l’archive)",
        "export.files": "Fichiers trouvés\xa0: {n}",
        "export.problems": "Illisibles ({n})\xa0:",
        "timeline.title_connections": "Relations au fil du temps",
        "timeline.ylabel_connections": "Relations (cumul)",
        "timeline.threshold_20": "20\xa0: minimum de la ceinture verte",
        "timeline.threshold_200": "200\xa0: haut de la ceinture verte",
        "timeline.crossed": "{n} atteint le {date}",
        "timeline.not_crossed": "{n} non atteint",
        "timeline.no_connections": "Aucune relation datée dans l’archive",
        "timeline.title_activity": "Activité par mois",
        "timeline.ylabel_activity": "Par mois",
        "timeline.invitations_sent": "Invitations envoyées",
        "timeline.messages_sent": "Messages envoyés",
        "timeline.posts_comments": "Publications et commentaires",
        "timeline.no_activity": "Aucune activité datée dans l’archive",
        "timeline.missing": "Absent de l’archive\xa0: {what}",
        "export.section_title": "Votre export de données LinkedIn",
        "export.privacy": ("Uniquement des nombres et des dates\xa0: aucun nom, e-mail, adresse de profil ni message "
                           "de l’archive n’apparaît dans ce rapport."),
        "export.live_intro": ("Partez de vos vraies données\xa0: sur LinkedIn, Préférences et confidentialité → "
                              "Confidentialité des données → Obtenir une copie de vos données. Chargez le zip tel que "
                              "téléchargé (ou son dossier extrait) par son chemin, ou téléversez le zip. Il est lu en "
                              "mémoire sur cet ordinateur, jamais extrait\xa0; ce qu’il montre remplace vos réponses sur "
                              "les relations, les invitations, les discussions et le délai de réponse, ainsi que sur la "
                              "photo et le compte payant quand il les montre. Seuls des nombres et des dates sont "
                              "affichés, jamais un nom."),
        "export.path_label": "Chemin de votre export (zip ou dossier)",
        "export.path_placeholder": "p. ex. ~/Téléchargements/Basic_LinkedInDataExport_11-02-2026.zip",
        "export.load": "Charger l’export",
        "export.upload": "Téléverser le zip",
        "export.loaded": "Export lu\xa0: {name}.",
        "export.error": "L’export n’a pas pu être lu\xa0: {error}. Vos réponses n’ont pas changé.",
        "export.no_path": "Indiquez d’abord le chemin de votre export (un fichier .zip ou un dossier).",
        "timeline.alt_connections": "Relations au fil du temps\xa0: {n} relations du {first} au {last}\xa0; {crossings}.",
        "timeline.alt_no_connections": "Relations au fil du temps\xa0: aucune relation datée dans l’archive.",
        "timeline.alt_activity": ("Activité par mois, au total\xa0: invitations envoyées {invitations}, messages envoyés "
                                  "{messages}, publications et commentaires {posts}."),
        "assumption.CONNECTIONS_CAP": "LinkedIn limite les relations directes à 30\u202f000\xa0; le nombre est repris tel quel jusqu’à cette limite.",
        "assumption.REPLY_SAME_DAY_HOURS": "Une réponse envoyée dans les 24\xa0heures suivant le message auquel elle répond compte comme «\xa0dans la journée\xa0» (article\xa0: une ceinture noire répond dans la journée).",
        "assumption.REPLY_WITHIN_WEEK_HOURS": "Une réponse dans les 7\xa0jours compte comme «\xa0dans la semaine\xa0».",
        "assumption.REPLY_SAME_DAY_MIN_SHARE": "Délai de réponse «\xa0le jour même\xa0» quand au moins la moitié des réponses de la personne ont été envoyées dans les 24\xa0heures (le plus souvent).",
        "assumption.REPLY_WITHIN_WEEK_MIN_SHARE": "Sinon «\xa0dans la semaine\xa0» quand au moins la moitié des réponses ont été envoyées dans les 7\xa0jours, sinon «\xa0rarement\xa0».",
        "assumption.ACTIVITY_WINDOW_MONTHS": "Les rythmes sont mesurés sur les 12\xa0mois civils qui finissent avec la date la plus récente de l’archive (une approximation de la date de l’export).",
        "assumption.INVITATIONS_SENT_SHARE_ACQUAINTANCES": "Envoyer moins d’un quart de toutes les invitations, c’est inviter rarement (ceinture blanche\xa0: accepte, invite rarement)\xa0; à partir d’un quart, c’est se connecter par réflexe.",
        "assumption.INVITATIONS_SENT_SHARE_EVERY_MEETING": "Se connecter après chaque rencontre (ceinture noire) suppose d’envoyer au moins autant d’invitations qu’on en reçoit.",
        "assumption.CONNECTION_PACE_EVERY_MEETING_PER_MONTH": "… et environ une nouvelle relation par semaine (4 par mois) sur la période\xa0: «\xa0se connecte dans les jours qui suivent chaque rencontre\xa0».",
        "assumption.DISCUSSIONS_LEAD_MIN_PER_MONTH": "Environ une publication ou un commentaire par semaine, c’est participer activement aux discussions et en animer certaines (ceinture noire).",
        "assumption.DISCUSSIONS_SOMETIMES_MIN_PER_MONTH": "Au moins une publication ou un commentaire sur les 12\xa0derniers mois, c’est participer ponctuellement (ceinture verte)\xa0; aucun, c’est jamais.",
        "publish.wrote": "Fichier écrit : {path} ({size} Ko).",
    },
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported.

    Args:
        lang (str): a language code.

    Returns:
        str: ``lang`` unchanged (one of :data:`LANGS`).

    Raises:
        ValueError: naming the field ``lang`` and the allowed values.
    """
    if lang not in LANGS:
        raise ValueError(f"lang: got {lang!r} (allowed: one of {', '.join(LANGS)})")
    return lang


def t(key: str, lang: str = "en", **values: Any) -> str:
    """Look up a catalogue text and fill its ``{placeholders}``.

    Args:
        key (str): dotted key, e.g. ``"belt.green"``.
        lang (str): ``"en"`` or ``"fr"``.
        **values (Any): values for the template's placeholders.

    Returns:
        str: the text.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: unknown key or a placeholder without a value (a programming error).
    """
    return CATALOGUE[check_lang(lang)][key].format(**values)


def number(x: float, lang: str = "en", digits: int = 0) -> str:
    """Format a number with the language's conventions.

    ``number(1234.5, "en", 1) == "1,234.5"``; ``number(1234.5, "fr", 1) == "1 234,5"``
    (narrow no-break space as thousands separator).

    Args:
        x (float): the number.
        lang (str): ``"en"`` or ``"fr"``.
        digits (int): decimals to show, default 0.

    Returns:
        str: the formatted number.

    Raises:
        ValueError: unknown ``lang`` or negative ``digits``.
    """
    text = f"{x:,.{digits}f}"
    if check_lang(lang) == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def percent(x: float, lang: str = "en", digits: int = 0) -> str:
    """Format a percentage (x in percent): ``"10%"`` in English, ``"10 %"`` (no-break space) in French.

    Args:
        x (float): the value, percent (0–100).
        lang (str): ``"en"`` or ``"fr"``.
        digits (int): decimals to show, default 0.

    Returns:
        str: the formatted percentage.

    Raises:
        ValueError: unknown ``lang`` or negative ``digits``.
    """
    return number(x, lang, digits) + (NBSP + "%" if lang == "fr" else "%")


def hours(x: float, lang: str = "en") -> str:
    """Format hours per week: one decimal below 10 hours, none from 10 up (``"1.0"``, ``"1,0"``, ``"60"``).

    Args:
        x (float): hours per week.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the number alone, without unit.

    Raises:
        ValueError: unknown ``lang``.
    """
    return number(x, lang, 1 if x < 10 else 0)
