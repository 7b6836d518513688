"""The scenario catalogue: ordinary runners, and what Today should tell each of them.

Read it as a table: who the runner is (history, entries, profile), the kind of day a coach
would sign, the warnings that must and must not be there, and bounds on the cap.
"""

from __future__ import annotations

from tests.coach.scenarios import Scenario, Session, pain, runs, sessions, weeks_of

STEADY = weeks_of(12)  # 4 runs a week, 8/8/10/14 km, easy HR, ending yesterday
HARD_START = weeks_of(3, pattern=((0, 12.0), (1, 14.0), (2, 10.0), (4, 16.0), (5, 12.0)), hr=150)
FLAGS = frozenset({"red_flag_rest_pain", "red_flag_numbness", "red_flag_pain_not_settling"})
RATIO = "load_ratio_high"


def _days(start: int, stop: int, step: int = 1) -> range:
    return range(start, stop, step)


S = Scenario
CATALOGUE: tuple[Scenario, ...] = (
    S("steady runner", tuple(STEADY), "train", absent=FLAGS | {RATIO, "no_rest_day"},
      minutes=(20, 200), max_km=15.4),
    S("back after six weeks off, no pain", tuple(weeks_of(10, ending_days_ago=43)), "easy",
      absent=frozenset({"form_very_low", "no_rest_day", RATIO}), minutes=(15, 30), max_km=3.2,
      headline="Walk-run today: ease back into running"),
    S("back after three weeks off", tuple(weeks_of(10, ending_days_ago=21)), "easy",
      absent=frozenset({RATIO}), minutes=(20, 30), max_km=15.4),
    S("the day after the first return run", (*weeks_of(10, ending_days_ago=50),
      *runs([1], 3.0, pace=7.5)), "cross_train", minutes=(0, 0),
      headline="Walk or cross-train today: a day off running between return runs"),
    S("third run back, two days after the second", (*weeks_of(10, ending_days_ago=55),
      *runs([4, 2], 3.2, pace=7.5)), "easy", max_km=3.52),
    S("beginner with three 5 km runs", tuple(runs([9, 5, 2], 5.0, pace=7.0)), "train",
      present=frozenset({"numbers_settling"}), minutes=(20, 40), max_km=5.5),
    S("cyclist who never ran", tuple(sessions(_days(1, 84, 2), "Ride", 75, hr=130)), "easy",
      minutes=(15, 30), max_km=3.2, headline="Walk-run today: ease back into running"),
    S("walks every day between runs", (*STEADY, *sessions(_days(0, 84), "Walk", 45)), "train",
      absent=frozenset({"no_rest_day"})),
    S("strength on the rest days", (*STEADY, *sessions(
        [d for d in range(1, 84) if (d - 1) % 7 in (1, 3, 6)], "WeightTraining", 30)), "train",
      absent=frozenset({"no_rest_day"})),
    S("ran twelve days in a row", (*weeks_of(8, ending_days_ago=13),
      *runs(_days(1, 13), 8.0)), "rest", present=frozenset({"no_rest_day"}), minutes=(0, 0)),
    S("load ratio a little above usual, nothing else", (*weeks_of(9),
      *sessions([1, 3, 5, 6], "Ride", 75, hr=135)), "easy", present=frozenset({RATIO}),
      absent=frozenset({"run_spike", "ramp_fast", "monotony_high"}), minutes=(20, 90)),
    S("load ratio well above usual", (*weeks_of(10, scale=0.5),
      *sessions([1, 3, 5, 6], "Ride", 90, hr=130)), "easy", present=frozenset({RATIO}),
      absent=frozenset({"form_very_low", "run_spike"}), minutes=(20, 30),
      headline="Easy short run or cross-training today"),
    S("deep fatigue after a crash block", (*weeks_of(10, ending_days_ago=8),
      *runs(_days(1, 8), 16.0, hr=165)), "rest", present=frozenset({"form_very_low"}),
      minutes=(0, 0)),
    S("three weeks of hard running, no starting fitness", tuple(HARD_START), "easy",
      present=frozenset({"numbers_settling", "form_very_low"}), minutes=(20, 80)),
    S("the same runner with a starting fitness", tuple(HARD_START), "train",
      absent=frozenset({"numbers_settling", "form_very_low"}),
      profile=("sex=M", "hr_max=190", "hr_rest=50", "starting_ctl=60")),
    S("night ache 1-2/10 on the outside of the hip", tuple(STEADY), "easy",
      present=frozenset({"pain_at_rest"}), absent=FLAGS,
      entries=(pain("hip-lateral", "at-night", 2, 1), pain("hip-lateral", "at-night", 1, 3))),
    S("night pain in the groin of a runner", tuple(STEADY), "see_clinician",
      present=frozenset({"red_flag_rest_pain"}), minutes=(0, 0),
      entries=(pain("hip-front", "at-night", 2, 1),)),
    S("a ticked warning sign", tuple(STEADY), "see_clinician",
      present=frozenset({"red_flag_numbness"}), entries=(pain("knee", "after-run", 2, 1,
                                                               "numbness"),)),
    S("knee pain 6/10 at rest", tuple(STEADY), "see_clinician",
      present=frozenset({"red_flag_rest_pain"}), entries=(pain("knee", "at-rest", 6, 0),)),
    S("pain 6/10 during yesterday's run", tuple(STEADY), "cross_train",
      present=frozenset({"pain_during_run"}), entries=(pain("shin", "during-run", 6, 1),)),
    S("pain drifting 1.0 to 1.5 to 2.0", tuple(STEADY), "train",
      absent=frozenset({"pain_trend_rising"}), entries=(
        pain("knee", "after-run", 1, 18), pain("knee", "after-run", 1, 15),
        pain("knee", "after-run", 1, 11), pain("knee", "after-run", 2, 8),
        pain("knee", "after-run", 2, 4), pain("knee", "after-run", 2, 1))),
    S("pain climbing 1 to 3 to 5", tuple(STEADY), "cross_train",
      present=frozenset({"pain_trend_rising"}), entries=(
        pain("knee", "after-run", 1, 18), pain("knee", "after-run", 3, 11),
        pain("knee", "after-run", 5, 4))),
    S("the day after a race marked on Strava", (*weeks_of(10, ending_days_ago=2),
      Session(1, "Run", 42, 10.0, 172, hour=9, race=True)), "easy",
      present=frozenset({"hard_effort_yesterday"}), absent=frozenset({"run_spike"}),
      minutes=(20, 30)),
    S("the day after hard intervals", (*weeks_of(10, ending_days_ago=2),
      Session(1, "Run", 55, 11.0, 168)), "easy", present=frozenset({"hard_effort_yesterday"}),
      minutes=(20, 30)),
    S("a half marathon yesterday, no heart rate, only its pace says it was hard",
      (*weeks_of(10, ending_days_ago=2, hr=None, pattern=((0, 8.0), (2, 8.0), (5, 16.0))),
      Session(1, "Run", 21.1 * 4.5, 21.1, None)), "rest",
      present=frozenset({"hard_effort_yesterday", "run_spike"}), minutes=(0, 0), profile=()),
    S("an easy long run far past the month's longest", (*weeks_of(10, ending_days_ago=2),
      *runs([1], 20.0)), "easy", present=frozenset({"run_spike"}),
      absent=frozenset({"hard_effort_yesterday"})),
    S("race morning in an active plan", (*weeks_of(8, ending_days_ago=15),
      *weeks_of(2, ending_days_ago=1, scale=0.5)), "train",
      absent=frozenset({"load_ratio_low"}), headline="Race day: run your race",
      race_today_m=21_100.0),
    S("taper week, no race today", (*weeks_of(8, ending_days_ago=15),
      *weeks_of(2, ending_days_ago=1, scale=0.6)), "train", absent=frozenset({RATIO})),
    S("a double-run day, the morning run done", (*STEADY, Session(0, "Run", 48, 8.0, 142)),
      "train", minutes=(20, 200)),
    S("the long run already done today", (*weeks_of(8, ending_days_ago=1),
      Session(0, "Run", 130, 21.0, 150, hour=6)), "rest",
      headline="Done for today: rest and recover", minutes=(0, 0)),
    S("a runner who only logs RPE", tuple(Session(d, "Run", 45, 7.5, None, rpe=3)
      for d in range(1, 84) if d % 7 in (1, 3, 5, 6)), "train",
      profile=("threshold_pace_s_per_km=300",), entries=(("rpe", "10000", "4"),)),
    S("no heart rate at all", tuple(weeks_of(12, hr=None)), "train", profile=()),
    S("heavy cross-training, one rest day a week", (*STEADY,
      *sessions([d for d in range(1, 84) if (d - 1) % 7 in (1, 3)], "Ride", 90, hr=135)),
      "easy", present=frozenset({"monotony_high"}), absent=frozenset({"no_rest_day"}),
      max_km=15.4),
    S("late run across midnight UTC, Los Angeles", (*weeks_of(10, ending_days_ago=2),
      Session(1, "Run", 40, 10.0, 172, hour=23, minute=50, race=True)), "easy",
      present=frozenset({"hard_effort_yesterday"}), minutes=(20, 30),
      timezone="America/Los_Angeles"),
    S("max HR equal to resting HR from an older version", tuple(STEADY), "train",
      present=frozenset({"profile_heart_rates"}),
      sql=("UPDATE athletes SET hr_max = 110, hr_rest = 110 WHERE id = 1",)),
    S("the same hard run every day for a week", (*weeks_of(8, ending_days_ago=9),
      *runs(_days(1, 9), 10.0)), "easy", present=frozenset({"monotony_high"}),
      absent=frozenset({"no_rest_day"})),
    S("several signals together", (*weeks_of(8, ending_days_ago=8, scale=0.8),
      *runs([7, 5, 4, 3], 9.0), Session(1, "Run", 110, 20.0, 168, race=True)), "rest",
      present=frozenset({"hard_effort_yesterday", "run_spike", RATIO}), minutes=(0, 0)),
)  # fmt: skip
