"""The rollup behind the dashboards: daily counts, filled like a checkpointed job.

What is stored (``insights.models``): ``DailyCount`` rows, one per region,
local day (Amsterdam) and dimension value, with the number of contacts,
of conversations and their summed duration; ``keys.py`` says which values a
contact counts under. ``CountedContact`` remembers the day each contact was
counted on, and ``RollupCheckpoint`` how far the job got.

How it is filled (``services.rollup_run``, ``manage.py rollup_insights``):

- **Always by whole days.** A batch never adds to a count: it counts the
  region-days it touches again from the reports and replaces their rows.
  Counting a day twice therefore gives the same rows, and each batch and
  its checkpoint commit in one transaction; a run stopped at any moment
  (a crash, a deploy, Ctrl-C) leaves either the batch or nothing, and the
  next run continues from the checkpoint. Only contacts up to the
  checkpoint's id count, so the rollup holds exactly those.
- **The first run, ``--full``, or a bulk import** (more than
  ``FULL_BUILD_ABOVE`` new reports) builds everything day by day, 14 days
  per transaction, up to the highest id at its start; the checkpoint keeps
  the next day, so an interrupted build resumes there.
- **New reports** (ids after the checkpoint, saved more than a minute ago so
  a slower transaction with a lower id is never skipped) re-count the days
  they fall on, 5,000 reports per batch.
- **Corrections.** A report can be corrected by its volunteer for 24 hours
  after saving, and by a supervisor later; ``contact_correct`` sets
  ``updated_at``. Every run finds the reports changed since the previous
  run started (less a margin of five minutes) and re-counts both the day
  they were counted on (``CountedContact``) and the day they fall on now, so
  a report moved to another day leaves its old one. Drafts are not
  reports, so a deleted draft never counted.
- **Feedback** is only ever added: new feedback (by id) is added to its
  region's count on the day it was given, in the same transaction as its
  checkpoint.

Between runs the dashboard adds the reports and feedback after the
checkpoint on read (``dashboard.figures``), with the same rule, so a new
report shows at once. A correction shows after the next run: run the job
every few minutes.
"""
