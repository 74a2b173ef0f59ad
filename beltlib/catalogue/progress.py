"""The catalogue's texts of "Progress over time" (see :mod:`beltlib.texts`): the ``since`` section of the
report (``assess --since``), the plan as a calendar or a checklist (``plan``) and the cohort before and after
(``cohort --compare``). :data:`beltlib.texts.CATALOGUE` adds them to :mod:`beltlib.catalogue.en` and
:mod:`beltlib.catalogue.fr` (kept under 500 lines each). Month names come from :data:`beltlib.locale.LOCALES`.
"""
from __future__ import annotations

PROGRESS_EN: dict[str, str] = {
    "date.day_month": "{day}\u00a0{month}",
    "date.day_month_year": "{day}\u00a0{month} {year}",
    "since.title": "Since last time",
    "since.headline": "Since {date}: {change} — {belt}.",
    "since.headline_undated": "Since your earlier answers: {change} — {belt}.",
    "since.change.none": "no marker changed",
    "since.change.gained.one": "+{n} marker",
    "since.change.gained.many": "+{n} markers",
    "since.change.lost.one": "\u2212{n} marker",
    "since.change.lost.many": "\u2212{n} markers",
    "since.belt.changed": "your belt: {old} → {new}",
    "since.belt.same": "your belt: still {belt}",
    "since.gained": "Gained: {marker}",
    "since.lost": "Lost: {marker}",
    "since.needed": "Steps still needed for the {target} (answers to change): {old} then, {new} now.",
    "since.needed_targets": "Steps still needed (answers to change): {old} for the {old_target} then, {new} for the {target} now.",
    "since.persona_changed": "Your situation changed ({old} → {new}): the belt that suits you is now the {target}.",
    "since.persona_changed_same_target": "Your situation changed ({old} → {new}); the belt that suits you is still the {target}.",
    "since.date_note": "“Last time” is the day the earlier answers file was last modified ({date}): an answers file holds no date of its own.",
    "calendar.name": "Belt Report: your LinkedIn plan",
    "calendar.step": "Step {i} of {n} this week towards the {target}. {line}",
    "calendar.habit": "Every week: {habit}",
    "calendar.habit_description": "A weekly habit of the {target}. {line}",
    "calendar.recheck": "Check your LinkedIn belt again",
    "calendar.recheck_description": ("Four weeks after your plan began, answer the questions again and see what changed. With the command line, save your "
                                     "new answers (for example as new-answers.json) and run: belt-report assess new-answers.json --since "
                                     "answers.json (answers.json: the answers you have today). Or open the app again (make app): it keeps the "
                                     "answers of earlier days and shows what changed since. Or, on the interactive page: download your "
                                     "answers today (Download my answers), and in four weeks choose that file under “Compare with "
                                     "earlier answers…”."),
    "calendar.no_profile_description": "The first step before any belt.",
    "calendar.markdown_title": "Your LinkedIn plan, from {date}",
    "calendar.markdown_recheck": "In four weeks ({date}):",
    "calendar.markdown_item": "{when}: {what}",
    "calendar.markdown_recheck_item": "{what}. {description}",
    "calendar.markdown_weekly_from": "every week from {date}",
    "cohort.compare.title": "Belt Report: the group before and after",
    "cohort.compare.intro": ("The same questions, then and now: respondents then: {before}; now: {after}. Only shares of the "
                             "whole group are shown, side by side: the belts, and for each marker the share of the group who "
                             "meet it (those without a profile do not)."),
    "cohort.compare.belts.title": "Belts, then and now",
    "cohort.compare.agenda.title": "Markers the group lacks most, then and now",
    "cohort.compare.then": "Then",
    "cohort.compare.now": "Now",
    "cohort.compare.hidden": "not shown",
    "cohort.compare.privacy": ("This comparison holds no name, no file name and no free text from anyone: only shares of each group, "
                               "and the two totals. A share reads “not shown” when it is of fewer than 5 people (0 included), or "
                               "when the total minus the shares shown would give such a group away (then the smallest share shown "
                               "is hidden too, as on the cohort page). Between the two columns, every change they let one work out "
                               "(of a share, or of the shares not shown together) is either none or 5 people or more, up or down: "
                               "a change of 1 to 4 would tell what a few people did, so the share “now” is not shown."),
    "cohort.compare.method": ("Each respondent’s answers are validated and assessed exactly as in the single report, with the rules "
                              "and assumptions below; each side is counted as the cohort page counts it. Each table splits the "
                              "group’s total: the belts; for a marker, those who meet it and those who do not (marker shares are "
                              "of the whole group). In each column a share of fewer than 5 people is not shown, nor one that the "
                              "total minus the shares shown would give away (then the smallest share shown is hidden too). "
                              "Between the columns, the change of each share shown in both, of the others together, and of any "
                              "set of them, must be none or 5 people or more (MIN_CHANGE); the column “now” hides more until it "
                              "is. The markers are listed from the shares shown now, lowest first, then those not shown "
                              "now in the rules’ order, so that no hidden share is placed by its value. Shares are "
                              "rounded to 0.1%."),
    "cohort.compare.assumption": ("A change between then and now of 1 to 4 people (of a share, or of the shares not shown together) "
                                  "is not shown: it would tell what a group of fewer than 5 did (joined, left, changed belt). "
                                  "The same threshold as MIN_CELL; the article gives none."),
    "assumption_label.MIN_CHANGE": "Smallest change shown between then and now",
    "cohort.compare.min_cell": "Smallest group shown as a share: a share of fewer than 5 people reads “not shown”.",
    "cohort.compare.summary_privacy": ("Privacy: no name, no file name, no free text, only shares. “–” marks a share not shown: "
                                       "fewer than 5 people, or one that the total or the other column would give away by "
                                       "subtraction."),
    "cohort.compare.summary_belts": "Belts, then → now (share of the group; the article’s share of LinkedIn users):",
    "cohort.compare.summary_agenda": "Markers the group lacks most now (share of the group who meet it, then → now):",
    "cohort.compare.summary_belt": "{belt}: {then} → {now}; article: {article}",
    "cohort.compare.summary_marker": "{marker}: {then} → {now}",
    "cohort.compare.summary_respondents": "Respondents: {before} then, {after} now.",
    "since.error.newer": ("--since: the earlier answers (saved {old}) are newer than the current ones (saved {new}); "
                          "give the older file to --since"),
    "since.error.two_people": ("--since: not one answer besides the situation is the same in both files; they look like "
                               "two different people's answers, so they are not compared"),
    "since.error.stdin": "--since: give the earlier answers as a file (its date is its modification time), not -",
    "since.error.file": "--since: {error}",
    "calendar.error.start": "--start: got {value} (allowed: a date YYYY-MM-DD)",
    "page.download_plan": "Add my plan to my calendar",
    "page.since.label": "Compare with earlier answers…",
    "page.since.hint": "An answers file you downloaded earlier (answers.json): the report shows what changed since. The comparison stays in this browser until you remove it.",
    "page.since.error.newer": "This file was saved on {date}, after today’s answers: choose an answers file you downloaded earlier.",
    "page.since.error.two_people": "This file shares no answer with today’s besides your situation: it looks like another person’s answers, so it is not compared.",
    "page.since.comparing": "Compared with your earlier answers (saved on {date}).",
    "page.since.remove": "Remove the comparison",
    "page.since.removed": "The comparison is removed.",
    "page.since.unread": "The earlier answers file was not read, nothing changed: {problems}.",
    "page.since.problem.json": "(file): not valid JSON (expected: a JSON object with the fields {fields})",
    "page.since.problem.duplicate": "(file): the key {name} appears twice",
    "page.since.problem.object": "(answers): got {given} (allowed: a JSON object with the fields {fields})",
    "page.since.problem.missing": "{field}: missing (allowed: {allowed})",
    "page.since.problem.unknown": "{field}: no such field (the fields are {fields})",
    "page.since.problem.value": "{field}: got {given} (allowed: {allowed})",
    "page.since.allowed.choice": "one of {choices}",
    "page.since.allowed.bool": "true or false",
    "page.since.allowed.int_range": "an integer from {min} to {max}",
    "page.since.allowed.int_min": "an integer from {min}",
    "page.since.allowed.number_range": "a number from {min} to {max}",
    "assumption_label.PLAN_EVENT_TIME": "Time of the plan’s calendar events",
    "calendar.assumption_value.time": "{first}:00 ({second}:00 for a second step the same day)",
    "assumption.PLAN_EVENT_TIME": "The article gives no time of day: the calendar file puts each step and weekly habit at this hour, local time wherever the calendar is.",
    "assumption_label.RECHECK_DAYS": "Days before checking your belt again",
    "assumption.RECHECK_DAYS": "The article gives no delay: four weeks leave time for a few weekly habits to show before the calendar file’s “check your belt again” day.",
    "assumption_label.SINCE_DATE": "Date of earlier answers",
    "since.assumption_value.date": "the file’s last modification",
    "assumption.SINCE_DATE": "An answers file holds no date of its own: the earlier answers are dated by the day their file was last modified (copying or editing the file can change that day).",
    "assumption_label.SAME_PERSON": "Two answers files of one person",
    "assumption.SAME_PERSON": "The answers name nobody, so nothing proves two files are one person’s; two files that share no answer but the situation are taken for two people’s and not compared.",
}

PROGRESS_FR: dict[str, str] = {
    "date.day_month": "{day}\u00a0{month}",
    "date.day_month_year": "{day}\u00a0{month} {year}",
    "since.title": "Depuis la dernière fois",
    "since.headline": "Depuis le {date}\u00a0: {change} — {belt}.",
    "since.headline_undated": "Depuis vos réponses précédentes\u00a0: {change} — {belt}.",
    "since.change.none": "aucun marqueur n’a changé",
    "since.change.gained.one": "+{n}\u00a0marqueur",
    "since.change.gained.many": "+{n}\u00a0marqueurs",
    "since.change.lost.one": "\u2212{n}\u00a0marqueur",
    "since.change.lost.many": "\u2212{n}\u00a0marqueurs",
    "since.belt.changed": "votre ceinture\u00a0: {old} → {new}",
    "since.belt.same": "votre ceinture\u00a0: toujours {belt}",
    "since.gained": "Gagné\u00a0: {marker}",
    "since.lost": "Perdu\u00a0: {marker}",
    "since.needed": "Étapes encore nécessaires pour la {target} (réponses à changer)\u00a0: {old} alors, {new} maintenant.",
    "since.needed_targets": "Étapes encore nécessaires (réponses à changer)\u00a0: {old} pour la {old_target} alors, {new} pour la {target} maintenant.",
    "since.persona_changed": "Votre situation a changé ({old} → {new})\u00a0: la ceinture qui vous convient est maintenant la {target}.",
    "since.persona_changed_same_target": "Votre situation a changé ({old} → {new})\u202f; la ceinture qui vous convient reste la {target}.",
    "since.date_note": "«\u00a0La dernière fois\u00a0», c’est le jour de la dernière modification du fichier de réponses précédent ({date})\u00a0: un fichier de réponses ne porte pas de date.",
    "calendar.name": "Belt Report\u00a0: votre plan LinkedIn",
    "calendar.step": "Étape {i} sur {n} de cette semaine vers la {target}. {line}",
    "calendar.habit": "Chaque semaine\u00a0: {habit}",
    "calendar.habit_description": "Une habitude hebdomadaire de la {target}. {line}",
    "calendar.recheck": "Refaire le point sur votre ceinture LinkedIn",
    "calendar.recheck_description": ("Quatre semaines après le début de votre plan, répondez de nouveau aux questions et voyez ce qui a changé. En ligne de "
                                     "commande, enregistrez vos nouvelles réponses (par exemple sous nouvelles-reponses.json) et lancez\u00a0: "
                                     "belt-report assess nouvelles-reponses.json --since answers.json --lang fr (answers.json\u00a0: vos "
                                     "réponses d’aujourd’hui). Ou rouvrez l’application (make app)\u00a0: elle garde les réponses des jours "
                                     "précédents et montre ce qui a changé depuis. Ou, sur la page interactive\u00a0: téléchargez vos "
                                     "réponses aujourd’hui (Télécharger mes réponses) et, dans quatre semaines, choisissez ce fichier "
                                     "sous «\u00a0Comparer avec des réponses précédentes…\u00a0»."),
    "calendar.no_profile_description": "La première étape, avant toute ceinture.",
    "calendar.markdown_title": "Votre plan LinkedIn, à partir du {date}",
    "calendar.markdown_recheck": "Dans quatre semaines ({date})\u00a0:",
    "calendar.markdown_item": "{when}\u00a0: {what}",
    "calendar.markdown_recheck_item": "{what}. {description}",
    "calendar.markdown_weekly_from": "chaque semaine à partir du {date}",
    "cohort.compare.title": "Belt Report\u00a0: le groupe avant et après",
    "cohort.compare.intro": ("Les mêmes questions, alors et maintenant\u00a0: répondants alors\u00a0: {before}\u202f; "
                             "maintenant\u00a0: {after}. Seules des parts du groupe entier sont affichées, côte à côte\u00a0: "
                             "les ceintures et, pour chaque marqueur, la part du groupe qui le remplit (sans profil, on ne le "
                             "remplit pas)."),
    "cohort.compare.belts.title": "Les ceintures, alors et maintenant",
    "cohort.compare.agenda.title": "Les marqueurs qui manquent le plus au groupe, alors et maintenant",
    "cohort.compare.then": "Alors",
    "cohort.compare.now": "Maintenant",
    "cohort.compare.hidden": "non affiché",
    "cohort.compare.privacy": ("Cette comparaison ne contient aucun nom, aucun nom de fichier ni aucun texte libre de personne\u00a0: "
                               "seulement des parts de chaque groupe, et les deux totaux. Une part est marquée «\u00a0non "
                               "affiché\u00a0» quand elle porte sur moins de 5\u00a0personnes (zéro compris), ou quand le total "
                               "moins les parts affichées trahirait un tel groupe (la plus petite part affichée est alors masquée "
                               "aussi, comme sur la page du groupe). D’une colonne à l’autre, toute variation qu’on peut en "
                               "déduire (d’une part, ou des parts non affichées ensemble) est nulle ou d’au moins 5\u00a0personnes, "
                               "en plus ou en moins\u00a0: une variation de 1 à 4 dirait ce qu’ont fait quelques personnes, la "
                               "part «\u00a0maintenant\u00a0» n’est donc pas affichée."),
    "cohort.compare.method": ("Les réponses de chaque répondant sont validées et évaluées exactement comme dans le rapport individuel, "
                              "avec les règles et hypothèses ci-dessous\u202f; chaque côté est compté comme sur la page du groupe. "
                              "Chaque tableau partage le total du groupe\u00a0: les ceintures\u202f; pour un marqueur, ceux qui le "
                              "remplissent et les autres (les parts des marqueurs portent sur le groupe entier). Dans chaque "
                              "colonne, une part de moins de 5\u00a0personnes n’est pas affichée, ni celle que le total moins les "
                              "parts affichées trahirait (la plus petite part affichée est alors masquée aussi). D’une colonne à "
                              "l’autre, la variation de chaque part affichée des deux côtés, celle des autres ensemble et celle de "
                              "tout regroupement doivent être nulles ou d’au moins 5\u00a0personnes (MIN_CHANGE)\u202f; la colonne "
                              "«\u00a0maintenant\u00a0» en masque d’autres jusqu’à ce que ce soit le cas. Les marqueurs sont rangés "
                              "selon les parts affichées maintenant, la plus faible d’abord, puis ceux dont la part n’est "
                              "pas affichée maintenant, dans l’ordre des règles\u00a0: aucune part masquée n’est placée "
                              "selon sa valeur. Les parts sont arrondies à 0,1\u00a0%."),
    "cohort.compare.assumption": ("Une variation entre alors et maintenant de 1 à 4\u00a0personnes (d’une part, ou des parts non "
                                  "affichées ensemble) n’est pas affichée\u00a0: elle dirait ce qu’a fait un groupe de moins de "
                                  "5 (arrivé, parti, changé de ceinture). Le même seuil que MIN_CELL\u202f; l’article n’en "
                                  "donne pas."),
    "assumption_label.MIN_CHANGE": "Plus petite variation affichée entre alors et maintenant",
    "cohort.compare.min_cell": "Plus petit groupe affiché comme une part\u00a0: une part de moins de 5\u00a0personnes est marquée «\u00a0non affiché\u00a0».",
    "cohort.compare.summary_privacy": ("Confidentialité\u00a0: aucun nom, aucun nom de fichier, aucun texte libre, seulement des "
                                       "parts. «\u00a0–\u00a0» marque une part non affichée\u00a0: moins de 5\u00a0personnes, "
                                       "ou une part que le total ou l’autre colonne trahirait par soustraction."),
    "cohort.compare.summary_belts": ("Ceintures, alors → maintenant (part du groupe\u202f; la part des utilisateurs de LinkedIn "
                                     "selon l’article)\u00a0:"),
    "cohort.compare.summary_agenda": ("Les marqueurs qui manquent le plus au groupe maintenant (part du groupe qui le remplit, "
                                      "alors → maintenant)\u00a0:"),
    "cohort.compare.summary_belt": "{belt}\u00a0: {then} → {now}\u202f; article\u00a0: {article}",
    "cohort.compare.summary_marker": "{marker}\u00a0: {then} → {now}",
    "cohort.compare.summary_respondents": "Répondants\u00a0: {before} alors, {after} maintenant.",
    "since.error.newer": ("--since\u00a0: les réponses précédentes (enregistrées le {old}) sont plus récentes que les "
                          "actuelles (enregistrées le {new})\u202f; donnez le fichier le plus ancien à --since"),
    "since.error.two_people": ("--since\u00a0: aucune réponse autre que la situation n’est la même dans les deux fichiers\u202f; "
                               "ils semblent venir de deux personnes différentes et ne sont pas comparés"),
    "since.error.stdin": "--since\u00a0: donnez les réponses précédentes dans un fichier (sa date est celle de sa dernière modification), pas -",
    "since.error.file": "--since\u00a0: {error}",
    "calendar.error.start": "--start\u00a0: reçu {value} (attendu\u00a0: une date AAAA-MM-JJ)",
    "page.download_plan": "Ajouter mon plan à mon agenda",
    "page.since.label": "Comparer avec des réponses précédentes…",
    "page.since.hint": "Un fichier de réponses téléchargé plus tôt (answers.json)\u00a0: le rapport montre ce qui a changé depuis. La comparaison reste dans ce navigateur jusqu’à ce que vous la retiriez.",
    "page.since.error.newer": "Ce fichier a été enregistré le {date}, après les réponses d’aujourd’hui\u00a0: choisissez un fichier de réponses téléchargé plus tôt.",
    "page.since.error.two_people": "Ce fichier n’a aucune réponse en commun avec celles d’aujourd’hui, hormis votre situation\u00a0: il semble venir d’une autre personne, il n’est donc pas comparé.",
    "page.since.comparing": "Comparaison avec vos réponses précédentes (enregistrées le {date}).",
    "page.since.remove": "Retirer la comparaison",
    "page.since.removed": "La comparaison est retirée.",
    "page.since.unread": "Le fichier de réponses précédentes n’a pas été lu, rien n’a changé\u00a0: {problems}.",
    "page.since.problem.json": "(fichier)\u00a0: pas un JSON valide (attendu\u00a0: un objet JSON avec les champs {fields})",
    "page.since.problem.duplicate": "(fichier)\u00a0: la clé {name} apparaît deux fois",
    "page.since.problem.object": "(réponses)\u00a0: reçu {given} (attendu\u00a0: un objet JSON avec les champs {fields})",
    "page.since.problem.missing": "{field}\u00a0: manquant (attendu\u00a0: {allowed})",
    "page.since.problem.unknown": "{field}\u00a0: champ inconnu (les champs sont {fields})",
    "page.since.problem.value": "{field}\u00a0: reçu {given} (attendu\u00a0: {allowed})",
    "page.since.allowed.choice": "l’une des valeurs {choices}",
    "page.since.allowed.bool": "true ou false",
    "page.since.allowed.int_range": "un nombre entier de {min} à {max}",
    "page.since.allowed.int_min": "un nombre entier à partir de {min}",
    "page.since.allowed.number_range": "un nombre de {min} à {max}",
    "assumption_label.PLAN_EVENT_TIME": "Heure des événements du plan dans l’agenda",
    "calendar.assumption_value.time": "{first}\u00a0h ({second}\u00a0h pour une deuxième étape le même jour)",
    "assumption.PLAN_EVENT_TIME": "L’article ne donne pas d’heure\u00a0: le fichier d’agenda place chaque étape et chaque habitude hebdomadaire à cette heure, à l’heure locale où que soit l’agenda.",
    "assumption_label.RECHECK_DAYS": "Jours avant de refaire le point sur votre ceinture",
    "assumption.RECHECK_DAYS": "L’article ne donne pas de délai\u00a0: quatre semaines laissent à quelques habitudes hebdomadaires le temps de se voir avant le jour «\u00a0refaire le point\u00a0» du fichier d’agenda.",
    "assumption_label.SINCE_DATE": "Date des réponses précédentes",
    "since.assumption_value.date": "la dernière modification du fichier",
    "assumption.SINCE_DATE": "Un fichier de réponses ne porte pas de date\u00a0: les réponses précédentes sont datées du jour de la dernière modification de leur fichier (copier ou modifier le fichier peut changer ce jour).",
    "assumption_label.SAME_PERSON": "Deux fichiers de réponses d’une même personne",
    "assumption.SAME_PERSON": "Les réponses ne nomment personne, rien ne prouve donc que deux fichiers sont ceux d’une même personne\u202f; deux fichiers qui n’ont en commun aucune réponse sauf la situation sont pris pour ceux de deux personnes et ne sont pas comparés.",
}
