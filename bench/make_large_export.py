#!/usr/bin/env python3
"""Write a large, format-faithful, entirely invented LinkedIn export for benchmarks.

LinkedIn's cap of 30,000 connections and 150,000 messages by default, in the real
2025-2026 shapes (same as ``shared/samples/make_basic_sample.py``): Connections.csv
with its ``Notes:`` preamble, URL column, ``DD Mon YYYY`` dates, date-only hidden
rows and no final newline; Invitations.csv with ``M/D/YY, h:mm AM`` dates;
messages.csv fully quoted, 11 columns, ``YYYY-MM-DD HH:MM:SS UTC``, newest first,
with multi-line content holding commas, quotes and CRLF, group chats whose TO list
holds names with ", PhD"; plus Profile, Shares, Comments and Reactions.

The files are written to a temporary directory and zipped there (never committed).
Standard library only, deterministic for a given seed.

    python bench/make_large_export.py [OUT_DIR]     # prints the zip path
"""
from __future__ import annotations

import csv
import io
import os
import random
import sys
import tempfile
import zipfile
from datetime import datetime, timedelta

OWNER = ("Avery", "Lindqvist")
OWNER_URL = "https://www.linkedin.com/in/avery-lindqvist-000000"
FIRST = ["Aarav", "Abena", "Aiko", "Alejandro", "Amara", "Anders", "Beatriz", "Bram", "Callum",
         "Carmen", "Chidi", "Clara", "Dalia", "Darius", "Delphine", "Elif", "Emeka", "Farah", "Felix",
         "Freya", "Hana", "Hugo", "Inès", "Jalen", "Joaquín", "Kaito", "Keira", "Kofi", "Leona",
         "Lucía", "Magnus", "Malik", "Mei", "Mira", "Nadia", "Niamh", "Oren", "Paloma", "Pavel",
         "Quinn", "Rafael", "Rania", "Rohan", "Saoirse", "Søren", "Tamsin", "Tariq", "Thea", "Uma",
         "Vikram", "Wren", "Yara", "Yusuf", "Zainab", "Zoë", "Łucja", "Björn", "Renée"]
LAST = ["Abernathy", "Balogun", "Castellan", "Chaudry", "Dunmore", "Eastwick", "Falkner",
        "Galloway", "Halvorsen", "Ibarra", "Jansson", "Kavanagh", "Kettering", "Marchetti",
        "Nakagawa", "Northcott", "Oyelaran, PhD", "Pemberton", "Quintero", "Rosendale",
        "Saltmarsh", "Tennant", "Underhill", "Vasquez-Lowe", "Wainwright", "Yarrow", "Zeller",
        "Okonkwo-Reid", "Albarrán", "Wiśniewska", "Åkesson", "Raman 🌱"]
COMPANIES = ["Brightwater Logistics", "Halden Analytics", "Meridian & Pike", "Copperline Software",
             "Acme Widgets, Inc.", "Tidewell Energy", "Lumen Row Studios", "Kestrel Aerospace"]
TITLES = ["Product Manager", "Software Engineer", "Director, Product Management", "Recruiter",
          "Operations Manager, Fleet & Routing", "Data Analyst", "Founder", "Consultant"]
WORDS = ("hi thanks for connecting great meeting you yesterday at the meetup let's stay in touch "
         "could you share the deck, the pricing model and the \"last-mile\" notes? happy to help "
         "with the routing project next week coffee on tuesday works for me see you then").split()
PREAMBLE = ('Notes:\n"When exporting your connection data, you may notice that some of the email '
            'addresses are missing. You will only see email addresses for connections who have '
            'allowed their connections to see or download their email address using this setting '
            'https://www.linkedin.com/psettings/privacy/email. You can learn more here '
            'https://www.linkedin.com/help/linkedin/answer/261"\n\n')
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _csv(header, rows, quote_all=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def _text(rng: random.Random) -> str:
    n = rng.randint(4, 60)
    words = [rng.choice(WORDS) for _ in range(n)]
    text = " ".join(words).capitalize() + rng.choice([".", "!", "?", "..."])
    r = rng.random()
    if r < 0.15:
        text += "\n\n" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 25)))
    elif r < 0.2:
        text += "\r\n- point one, with a comma\r\n- point \"two\""
    return text


def make_large_export(out_dir: str, connections: int = 30_000, messages: int = 150_000,
                      seed: int = 20261102) -> str:
    """Write the archive's CSV files into ``out_dir/export/`` and zip them.

    Args:
        out_dir: a (temporary) directory.
        connections: number of Connections.csv rows (LinkedIn caps at 30,000).
        messages: number of messages.csv rows.
        seed: random seed (same files for the same seed).

    Returns:
        str: path of the zip (``out_dir/Complete_LinkedInDataExport_bench.zip``); the same
        files stay extracted in ``out_dir/export/``.
    """
    rng = random.Random(seed)
    folder = os.path.join(out_dir, "export")
    os.makedirs(folder, exist_ok=True)
    end = datetime(2026, 11, 1, 12, 0, 0)
    people = []
    for k in range(1, connections + 1):
        f, l = rng.choice(FIRST), rng.choice(LAST)
        people.append((f, l, "https://www.linkedin.com/in/%s-%s-%06d" % (f.lower(), l.split(",")[0].lower().replace(" ", "-"), k)))
    files: dict[str, str] = {}
    # Connections: newest first, 0.5 % hidden (date-only) rows
    start = datetime(2008, 1, 1)
    span = (end - start).days
    days = sorted((rng.randrange(span) for _ in range(connections)), reverse=True)
    rows = []
    for (f, l, url), d in zip(people, days):
        when = start + timedelta(days=d)
        date = "%02d %s %d" % (when.day, MONTHS[when.month - 1], when.year)
        if rng.random() < 0.005:
            rows.append(["", "", "", "", "", "", date])
        else:
            rows.append([f, l, url, "", rng.choice(COMPANIES), rng.choice(TITLES), date])
    files["Connections.csv"] = (PREAMBLE + _csv(["First Name", "Last Name", "URL", "Email Address", "Company",
                                                 "Position", "Connected On"], rows)).rstrip("\n")
    # Invitations
    inv = []
    for _ in range(3000):
        f, l, url = rng.choice(people)
        t = end - timedelta(minutes=rng.randrange(365 * 24 * 60))
        when = "%d/%d/%s, %d:%02d %s" % (t.month, t.day, t.strftime("%y"), (t.hour % 12) or 12, t.minute,
                                           "AM" if t.hour < 12 else "PM")
        if rng.random() < 0.4:
            inv.append([" ".join(OWNER), f"{f} {l}", when, "", "OUTGOING", OWNER_URL, url])
        else:
            inv.append([f"{f} {l}", " ".join(OWNER), when, _text(rng) if rng.random() < 0.1 else "", "INCOMING",
                        url, OWNER_URL])
    files["Invitations.csv"] = _csv(["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                                     "inviteeProfileUrl"], inv)
    # messages: conversations of 1..15 messages, some group chats
    msg_rows = []
    conv_no = 0
    owner_name = " ".join(OWNER)
    while len(msg_rows) < messages:
        conv_no += 1
        cid = "2-%s==" % format(rng.getrandbits(160), "040x")
        group = rng.random() < 0.05
        others = [rng.choice(people) for _ in range(rng.randint(2, 4) if group else 1)]
        title = "Group chat %d" % conv_no if group else ""
        n = min(rng.randint(1, 15), messages - len(msg_rows))
        t = end - timedelta(seconds=rng.randrange(8 * 365 * 86400))
        conv = []
        for _ in range(n):
            sender = None if rng.random() < 0.45 else rng.choice(others)
            conv.append((t, sender))
            t += timedelta(seconds=rng.choice([60, 900, 3600, 6 * 3600, 86400, 3 * 86400]))
        folder_name = "ARCHIVE" if rng.random() < 0.1 else "INBOX"
        for when, sender in reversed(conv):
            if sender is None:
                s_name, s_url = owner_name, OWNER_URL
                recips = others
            else:
                s_name, s_url = f"{sender[0]} {sender[1]}", sender[2]
                recips = [(OWNER[0], OWNER[1], OWNER_URL)] + [o for o in others if o is not sender]
            msg_rows.append([cid, title, s_name, s_url, ",".join(f"{a} {b}" for a, b, _ in recips),
                             ",".join(u for _, _, u in recips), when.strftime("%Y-%m-%d %H:%M:%S UTC"),
                             title, _text(rng), folder_name, ""])
    files["messages.csv"] = _csv(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                                  "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"],
                                 msg_rows, quote_all=True)
    files["Profile.csv"] = _csv(["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
                                 "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
                                 "Instant Messengers"],
                                [[OWNER[0], OWNER[1], "", "", "Jun 14", "Product person", "", "Software", "",
                                  "Denver, Colorado, United States", "", "", ""]])

    def stamp(k: int) -> str:
        return (end - timedelta(seconds=rng.randrange(5 * 365 * 86400))).strftime("%Y-%m-%d %H:%M:%S")
    files["Shares.csv"] = _csv(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
                               [[stamp(k), "https://www.linkedin.com/feed/update/urn%%3Ali%%3Ashare%%3A%d" % k,
                                 _text(rng), "", "", "MEMBER_NETWORK"] for k in range(500)])
    files["Comments.csv"] = _csv(["Date", "Link", "Message"],
                                 [[stamp(k), "https://www.linkedin.com/feed/update/urn%%3Ali%%3Aactivity%%3A%d" % k,
                                   _text(rng)] for k in range(1000)])
    files["Reactions.csv"] = _csv(["Date", "Type", "Link"],
                                  [[stamp(k), rng.choice(["LIKE", "PRAISE", "EMPATHY"]),
                                    "https://www.linkedin.com/feed/update/urn%%3Ali%%3Aactivity%%3A%d" % k]
                                   for k in range(3000)])
    zpath = os.path.join(out_dir, "Complete_LinkedInDataExport_bench.zip")
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            data = text.encode("utf-8")
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            z.writestr(name, data)
    return zpath


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="belt-bench-")
    print(make_large_export(out))
