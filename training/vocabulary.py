"""The words the app, the CLI, the stores and the coach share: one place for each list.

Pain sites, sides and moments; red-flag keys with the question the Log page asks and the words
a warning uses; the names of where an activity came from. Adding a pain site or a red flag means
editing this file (and the copy a runner reads in docs/science.md#pain-scale). Sport groups live
in `training.sports`.
"""

from __future__ import annotations

# Pain sites: the stored key, the form label, and the words a sentence uses.
SITES = (
    "hip-lateral",
    "hip-front",
    "buttock",
    "lower-back",
    "knee",
    "shin",
    "calf-achilles",
    "foot",
    "other",
)
SITE_LABELS = {
    "hip-lateral": "Hip, outer side",
    "hip-front": "Hip front / groin",
    "buttock": "Buttock",
    "lower-back": "Lower back",
    "knee": "Knee",
    "shin": "Shin",
    "calf-achilles": "Calf / Achilles",
    "foot": "Foot",
    "other": "Other",
}
SITE_WORDS = {  # "other" uses the runner's own words
    "hip-lateral": "outer hip",
    "hip-front": "front of the hip (groin)",
    "buttock": "buttock",
    "lower-back": "lower back",
    "knee": "knee",
    "shin": "shin",
    "calf-achilles": "calf or Achilles",
    "foot": "foot",
}
GROIN_SITES = frozenset({"hip-front"})  # exercise-related groin pain: docs/science.md#red-flags
SIDES = ("left", "right", "both")

MOMENTS = ("during-run", "after-run", "next-morning", "at-rest", "at-night")
MOMENT_LABELS = {
    "during-run": "During a run",
    "after-run": "After a run",
    "next-morning": "Next morning",
    "at-rest": "At rest",
    "at-night": "At night",
}
REST_MOMENTS = ("at-rest", "at-night")
AWAY_FROM_RUN_MOMENTS = ("next-morning", "at-rest")  # the pre-run level of the pain rules

# Red flags the runner can tick (docs/science.md#red-flags): the Log page's question, and the
# words the coach's warning uses ("… and told us {words}").
RED_FLAGS = {
    "cant_bear_weight": "Can't put weight on the leg",
    "swelling_heat": "Swelling or heat around the joint",
    "locking_catching": "Locking or catching in the joint",
    "numbness": "Numbness, tingling or weakness",
    "fever_unwell": "Fever or feeling unwell",
    "pain_on_hopping": "Pain when hopping on that leg",
    "night_rest_pain": "Pain at night or at rest",
}
RED_FLAG_WORDS = {
    "cant_bear_weight": "you could not put weight on the leg",
    "fever_unwell": "you had a fever or felt unwell",
    "swelling_heat": "the joint was swollen or warm",
    "locking_catching": "the joint was locking or catching",
    "numbness": "you had numbness, tingling or weakness",
    "pain_on_hopping": "it hurt to hop on that leg",
    "night_rest_pain": "you had pain at night or at rest",
}
URGENT_FLAGS = frozenset({"cant_bear_weight", "fever_unwell"})

# Where an activity or entry came from (`activities.source`, `pain_entries.source`, …).
STRAVA_API = "strava_api"
STRAVA_EXPORT = "strava_export"
FILE = "file"
DEMO = "demo"
MANUAL = "manual"
STRAVA_SOURCES = (STRAVA_API, STRAVA_EXPORT)
