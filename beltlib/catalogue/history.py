"""The texts of "Your history" (``history.*`` keys and the history's named assumptions), in English and
French: part of the one catalogue (:data:`beltlib.texts.CATALOGUE` merges them into each language's
table). French typography: a no-break space before ``:`` and inside « », a narrow one before ``; ? !``.
"""
from __future__ import annotations

EN: dict[str, str] = {
    "history.title": "Your history",
    "history.span": "From {first} to {last}: {n} months read from your export (counts and months only).",
    "history.crossing.20": "The green belt’s {min_connections} connections were reached in {month}.",
    "history.crossing.20_not": "The green belt’s {min_connections} connections are not reached yet.",
    "history.crossing.200": "Beyond the green belt’s {max_connections_green}: your connection no. {n} came in {month}.",
    "history.crossing.200_not": "You have not gone beyond the green belt’s {max_connections_green} connections.",
    "history.crossing.unknown": "No Connections.csv in the archive: when the thresholds were crossed cannot be told.",
    "history.markers_intro": ("The markers your export can date, month by month (a month reads the {window} months "
                              "ending in it):"),
    "history.marker.met": "{marker} ({belt}): met in {met} of the {told} months the export can date, first in {first}; "
                          "in {last}: {now}.",
    "history.marker.never": "{marker} ({belt}): not met in any of the {told} months the export can date; in {last}: {now}.",
    "history.marker.unknown": "{marker} ({belt}): the export cannot date it for any month.",
    "history.state.true": "met",
    "history.state.false": "not met",
    "history.state.none": "cannot tell",
    "history.undated": ("No export can date these markers, so the report shows them at today’s answers, not "
                        "reconstructed:"),
    "history.unknown": ("“unknown” is a month a file does not cover, never a zero. {invitations}"),
    "history.invitations_from": "Invitations.csv holds only the months from {month} on.",
    "history.invitations_none": "The archive has no dated invitation.",
    "history.table_title": "The last {n} months",
    "history.col.month": "Month",
    "history.col.connections": "Connections",
    "history.col.invitations": "Invitations sent",
    "history.col.messages": "Messages sent",
    "history.col.replies": "Replies (within a day)",
    "history.col.posts": "Posts + comments",
    "history.col.markers": "Dated markers met",
    "history.cell.unknown": "unknown",
    "history.cell.replies": "{replies} ({within})",
    "history.cell.posts": "{posts} + {comments}",
    "history.cell.markers": "{met} of {told}",
    "history.alt": ("Your history by month from {first} to {last}. Connections at the month’s end: {start} → {end}; "
                    "{crossings}. Activity per month, in total: messages sent {messages}, replies {replies} ({within} "
                    "within a day), invitations sent {invitations}, posts and comments {posts}. Months with each dated "
                    "marker met: {markers}."),
    "history.alt.crossed": "{n} connections reached in {month}",
    "history.alt.not_crossed": "{n} connections not reached yet",
    "history.alt.marker": "{marker} {met}",
    "history.plot.title_connections": "Connections at each month’s end",
    "history.plot.ylabel_connections": "Connections",
    "history.plot.crossed": "no. {n}: {month}",
    "history.plot.title_activity": "Activity per month",
    "history.plot.ylabel_activity": "Per month",
    "history.plot.messages": "Messages sent",
    "history.plot.replies": "Replies",
    "history.plot.replies_within_day": "Replies within a day",
    "history.plot.invitations": "Invitations sent (file’s window)",
    "history.plot.posts": "Posts and comments",
    "history.plot.no_connections": "No Connections.csv in the archive",
    "history.plot.title_markers": "Markers month by month ({window}-month window)",
    "history.plot.met": "met",
    "history.plot.not_met": "not met",
    "history.plot.unknown": "cannot tell",
    "history.plot.marker": "{belt}: {marker}",
    "history.error.no_dates": ("{path}: the export has no dated row (no date in Connections, messages, Invitations, "
                               "Shares or Comments), so there is no history to show"),
    "history.error.since_option": "--since: {error}",
    "history.error.since_newer": ("--since: the earlier export (latest date {old}) is newer than this one (latest date "
                                  "{new}); give the older export to --since"),
    "history.since.headline": "Since your earlier export ({date}): {change} — {belt}.",
    "history.since.note": ("Both exports start from the same answers ({answers}); what an export cannot tell is "
                           "taken from those answers both times, so only what the exports show can change."),
    "history.since.example": "the example’s",
    "history.since.file": "your answers file’s",
    "assumption_label.HISTORY_WINDOW_MONTHS": "Months a month’s markers read (history)",
    "assumption_label.HISTORY_REPLIES_MIN": "Replies needed to tell a month’s reply time (history)",
    "assumption_label.HISTORY_CONNECTIONS": "Connections at a month’s end (history)",
    "assumption_label.HISTORY_INVITATIONS_WINDOW": "Months the invitations cover (history)",
    "assumption_label.HISTORY_DISCUSSIONS": "Files the discussion markers need (history)",
    "assumption_label.HISTORY_UNDATED": "Markers no export can date (history)",
    "assumption.HISTORY_WINDOW_MONTHS": ("In your history, a month’s invitation, discussion and reply markers read "
                                         "the activity of the 3 months ending in it (fewer at the start of what a file "
                                         "covers), with the thresholds above."),
    "assumption.HISTORY_REPLIES_MIN": ("A month’s reply time is told only when its window holds at least one reply; "
                                       "with none, the export cannot tell."),
    "assumption.HISTORY_CONNECTIONS": ("Connections at a month’s end are the rows of Connections.csv dated up to it; "
                                       "removed connections are gone from the file, so a past count is a lower bound."),
    "assumption.HISTORY_INVITATIONS_WINDOW": ("Invitations.csv holds only the last months: it covers the months from its "
                                              "oldest invitation to the export’s; before, invitations are unknown, never zero."),
    "assumption.HISTORY_DISCUSSIONS": ("The discussion markers need Shares.csv or Comments.csv (a complete archive); "
                                       "without them, unknown."),
    "assumption.HISTORY_UNDATED": ("Current profile, photo, contacting people and groups cannot be dated from an "
                                   "export: your history shows them at today’s answers, not reconstructed."),
}

FR: dict[str, str] = {
    "history.title": "Votre historique",
    "history.span": "De {first} à {last}\u00a0: {n}\u00a0mois lus dans votre export (des nombres et des mois seulement).",
    "history.crossing.20": "Les {min_connections}\u00a0relations de la ceinture verte ont été atteintes en {month}.",
    "history.crossing.20_not": "Les {min_connections}\u00a0relations de la ceinture verte ne sont pas encore atteintes.",
    "history.crossing.200": ("Au-delà des {max_connections_green} de la ceinture verte\u00a0: votre relation n°\u00a0{n} "
                             "est arrivée en {month}."),
    "history.crossing.200_not": "Vous n’avez pas dépassé les {max_connections_green}\u00a0relations de la ceinture verte.",
    "history.crossing.unknown": ("Pas de Connections.csv dans l’archive\u00a0: impossible de dater le passage des "
                                 "seuils."),
    "history.markers_intro": ("Les marqueurs que votre export peut dater, mois par mois (un mois lit les {window}\u00a0mois "
                              "qui finissent avec lui)\u00a0:"),
    "history.marker.met": ("{marker} ({belt})\u00a0: acquis {met}\u00a0mois sur les {told} que l’export permet de dater, "
                           "d’abord en {first}\u202f; en {last}\u00a0: {now}."),
    "history.marker.never": ("{marker} ({belt})\u00a0: acquis dans aucun des {told}\u00a0mois que l’export permet de "
                             "dater\u202f; en {last}\u00a0: {now}."),
    "history.marker.unknown": "{marker} ({belt})\u00a0: l’export ne permet de le dater pour aucun mois.",
    "history.state.true": "acquis",
    "history.state.false": "non acquis",
    "history.state.none": "impossible à dire",
    "history.undated": ("Aucun export ne peut dater ces marqueurs, que le rapport montre donc selon vos réponses "
                        "d’aujourd’hui, sans les reconstituer\u00a0:"),
    "history.unknown": "«\u00a0inconnu\u00a0» est un mois qu’un fichier ne couvre pas, jamais un zéro. {invitations}",
    "history.invitations_from": "Invitations.csv ne contient que les mois depuis {month}.",
    "history.invitations_none": "L’archive n’a aucune invitation datée.",
    "history.table_title": "Les {n}\u00a0derniers mois",
    "history.col.month": "Mois",
    "history.col.connections": "Relations",
    "history.col.invitations": "Invitations envoyées",
    "history.col.messages": "Messages envoyés",
    "history.col.replies": "Réponses (dans la journée)",
    "history.col.posts": "Publications + commentaires",
    "history.col.markers": "Marqueurs datés acquis",
    "history.cell.unknown": "inconnu",
    "history.cell.replies": "{replies} ({within})",
    "history.cell.posts": "{posts} + {comments}",
    "history.cell.markers": "{met} sur {told}",
    "history.alt": ("Votre historique par mois de {first} à {last}. Relations en fin de mois\u00a0: {start} → {end}\u202f; "
                    "{crossings}. Activité par mois, au total\u00a0: messages envoyés {messages}, réponses {replies} "
                    "({within} dans la journée), invitations envoyées {invitations}, publications et commentaires "
                    "{posts}. Mois où chaque marqueur daté est rempli\u00a0: {markers}."),
    "history.alt.crossed": "{n}\u00a0relations atteintes en {month}",
    "history.alt.not_crossed": "{n}\u00a0relations pas encore atteintes",
    "history.alt.marker": "{marker} {met}",
    "history.plot.title_connections": "Relations à la fin de chaque mois",
    "history.plot.ylabel_connections": "Relations",
    "history.plot.crossed": "n°\u00a0{n}\u00a0: {month}",
    "history.plot.title_activity": "Activité par mois",
    "history.plot.ylabel_activity": "Par mois",
    "history.plot.messages": "Messages envoyés",
    "history.plot.replies": "Réponses",
    "history.plot.replies_within_day": "Réponses dans la journée",
    "history.plot.invitations": "Invitations envoyées (période du fichier)",
    "history.plot.posts": "Publications et commentaires",
    "history.plot.no_connections": "Pas de Connections.csv dans l’archive",
    "history.plot.title_markers": "Marqueurs mois par mois (fenêtre de {window}\u00a0mois)",
    "history.plot.met": "acquis",
    "history.plot.not_met": "non acquis",
    "history.plot.unknown": "impossible à dire",
    "history.plot.marker": "{belt}\u00a0: {marker}",
    "history.error.no_dates": ("{path}\u00a0: l’export n’a aucune ligne datée (aucune date dans Connections, messages, "
                               "Invitations, Shares ou Comments)\u00a0: pas d’historique à montrer"),
    "history.error.since_option": "--since\u00a0: {error}",
    "history.error.since_newer": ("--since\u00a0: l’export précédent (dernière date {old}) est plus récent que celui-ci "
                                  "(dernière date {new})\u202f; donnez l’export le plus ancien à --since"),
    "history.since.headline": "Depuis votre export précédent ({date})\u00a0: {change} — {belt}.",
    "history.since.note": ("Les deux exports partent des mêmes réponses ({answers})\u202f; ce qu’un export ne peut pas "
                           "dire est pris dans ces réponses les deux fois, donc seul ce que montrent les exports peut "
                           "changer."),
    "history.since.example": "celles de l’exemple",
    "history.since.file": "celles de votre fichier de réponses",
    "assumption_label.HISTORY_WINDOW_MONTHS": "Mois que lisent les marqueurs d’un mois (historique)",
    "assumption_label.HISTORY_REPLIES_MIN": "Réponses nécessaires pour dire le délai de réponse d’un mois (historique)",
    "assumption_label.HISTORY_CONNECTIONS": "Relations en fin de mois (historique)",
    "assumption_label.HISTORY_INVITATIONS_WINDOW": "Mois couverts par les invitations (historique)",
    "assumption_label.HISTORY_DISCUSSIONS": "Fichiers nécessaires aux marqueurs de discussion (historique)",
    "assumption_label.HISTORY_UNDATED": "Marqueurs qu’aucun export ne peut dater (historique)",
    "assumption.HISTORY_WINDOW_MONTHS": ("Dans votre historique, les marqueurs d’invitation, de discussion et de réponse "
                                         "d’un mois lisent l’activité des 3\u00a0mois qui finissent avec lui (moins au "
                                         "début de ce que couvre un fichier), avec les seuils ci-dessus."),
    "assumption.HISTORY_REPLIES_MIN": ("Le délai de réponse d’un mois n’est dit que si sa fenêtre compte au moins une "
                                       "réponse\u202f; sans réponse, l’export ne peut pas le dire."),
    "assumption.HISTORY_CONNECTIONS": ("Les relations en fin de mois sont les lignes de Connections.csv datées jusqu’à "
                                       "lui\u202f; les relations retirées ont disparu du fichier, donc un nombre passé "
                                       "est un minimum."),
    "assumption.HISTORY_INVITATIONS_WINDOW": ("Invitations.csv ne contient que les derniers mois\u00a0: il couvre les mois "
                                              "de sa plus ancienne invitation à celui de l’export\u202f; avant, les "
                                              "invitations sont inconnues, jamais nulles."),
    "assumption.HISTORY_DISCUSSIONS": ("Les marqueurs de discussion demandent Shares.csv ou Comments.csv (une archive "
                                       "complète)\u202f; sans eux, inconnus."),
    "assumption.HISTORY_UNDATED": ("Profil à jour, photo, contacter des personnes et groupes ne se datent pas depuis un "
                                   "export\u00a0: votre historique les montre selon vos réponses d’aujourd’hui, sans "
                                   "les reconstituer."),
}
