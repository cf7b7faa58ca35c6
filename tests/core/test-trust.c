/* test-trust.c: every signal of the know-like-trust model, its caps,
 * the stage and pitch thresholds, decay and the next steps.
 *
 * The numbers asserted here are the ones docs/trust-model.md promises.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-date.h"
#include "nb-trust.h"

#define TODAY "2024-06-15"
#define PERSON_ID 1

static gint64 next_entry_id = 1;

static char *
days_ago (int days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (nb_date_parse_iso (TODAY, &date, NULL));
  if (days >= 0)
    g_date_subtract_days (&date, (guint) days);
  else
    g_date_add_days (&date, (guint) -days);

  return nb_date_to_iso (&date);
}

static GPtrArray *
new_timeline (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static NbPerson *
new_person (void)
{
  NbPerson *person = nb_person_new ("Ada Lovelace");

  nb_person_set_id (person, PERSON_ID);
  return person;
}

/* Adds an entry dated @ago days before today (negative: in the future). */
static NbEntry *
add (GPtrArray   *entries,
     NbEntryKind  kind,
     int          ago,
     const char  *text)
{
  g_autofree char *date = days_ago (ago);
  NbEntry *entry = nb_entry_new (kind, PERSON_ID, date, text);

  nb_entry_set_id (entry, next_entry_id++);
  g_ptr_array_add (entries, entry);
  return entry;
}

static void
add_n (GPtrArray   *entries,
       NbEntryKind  kind,
       guint        n,
       int          ago)
{
  for (guint i = 0; i < n; i++)
    add (entries, kind, ago, "");
}

static NbEntry *
add_follow_up (GPtrArray  *entries,
               int         ago,
               int         due_ago,
               const char *text,
               NbStatus    status)
{
  NbEntry *entry = add (entries, NB_ENTRY_FOLLOW_UP, ago, text);
  g_autofree char *due = days_ago (due_ago);

  nb_entry_set_due (entry, due);
  nb_entry_set_status (entry, status);
  return entry;
}

static guint
score (NbPerson    *person,
       GPtrArray   *entries,
       NbDimension  dimension)
{
  g_autoptr(NbTrust) trust = nb_trust_compute (person, entries, TODAY);

  return nb_trust_get_score (trust, dimension);
}

static const NbSignal *
find_signal (NbTrust     *trust,
             NbDimension  dimension,
             const char  *needle)
{
  GPtrArray *signals = nb_trust_get_signals (trust, dimension);

  for (guint i = 0; i < signals->len; i++)
    {
      const NbSignal *signal = g_ptr_array_index (signals, i);

      if (strstr (signal->description, needle) != NULL)
        return signal;
    }

  return NULL;
}

static guint
n_steps (NbTrust *trust)
{
  return g_strv_length ((GStrv) nb_trust_get_next_steps (trust));
}

static void
assert_step (NbTrust    *trust,
             guint       index,
             const char *prefix)
{
  const char * const *steps = nb_trust_get_next_steps (trust);

  g_assert_cmpuint (index, <, n_steps (trust));
  if (!g_str_has_prefix (steps[index], prefix))
    g_error ("step %u is “%s”, expected it to start with “%s”", index, steps[index], prefix);
}

static gboolean
has_step (NbTrust    *trust,
          const char *prefix)
{
  const char * const *steps = nb_trust_get_next_steps (trust);

  for (guint i = 0; steps[i] != NULL; i++)
    if (g_str_has_prefix (steps[i], prefix))
      return TRUE;

  return FALSE;
}

static void
test_empty (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  NbTrust *trust = nb_trust_compute (person, entries, TODAY);

  for (guint d = 0; d < NB_N_DIMENSIONS; d++)
    {
      g_assert_cmpuint (nb_trust_get_score (trust, (NbDimension) d), ==, 0);
      g_assert_cmpuint (nb_trust_get_signals (trust, (NbDimension) d)->len, ==, 0);
    }

  for (guint q = 0; q < NB_N_QUESTIONS; q++)
    g_assert_false (nb_trust_is_question_answered (trust, (NbQuestion) q));

  g_assert_cmpint (nb_trust_get_stage (trust), ==, NB_STAGE_VISIBILITY);
  g_assert_false (nb_trust_get_pitch_ok (trust));
  g_assert_cmpint (nb_trust_get_days_since_contact (trust), ==, -1);
  g_assert_false (nb_trust_get_going_cold (trust));

  g_assert_cmpuint (n_steps (trust), ==, 2);
  assert_step (trust, 0, "Ask them: “Who is your ideal client");
  assert_step (trust, 1, "Schedule a 1-to-1");

  g_assert_finalize_object (trust);
}

static void
test_null_entries (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(NbTrust) trust = nb_trust_compute (person, NULL, TODAY);

  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_KNOW), ==, 0);
}

static void
test_know_questions (void)
{
  static const struct {
    NbPersonField field;
    NbQuestion    question;
    const char   *signal;
  } cases[] = {
    { NB_PERSON_TARGET_MARKET, NB_QUESTION_TARGET_MARKET, "knows their target market" },
    { NB_PERSON_WORK_LIKES,    NB_QUESTION_WORK_LIKES,    "like most about their work" },
    { NB_PERSON_INDUSTRY_NEWS, NB_QUESTION_INDUSTRY_NEWS, "new in their industry" },
    { NB_PERSON_CAREER_ORIGIN, NB_QUESTION_CAREER_ORIGIN, "got into their profession" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NbPerson) person = new_person ();
      g_autoptr(GPtrArray) entries = new_timeline ();
      g_autoptr(NbTrust) trust = NULL;
      const NbSignal *signal;

      /* Whitespace is not an answer. */
      nb_person_set_field (person, cases[i].field, "  \n ");
      g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 0);

      nb_person_set_field (person, cases[i].field, "an answer");
      trust = nb_trust_compute (person, entries, TODAY);
      g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_KNOW), ==, 12);
      g_assert_true (nb_trust_is_question_answered (trust, cases[i].question));
      signal = find_signal (trust, NB_DIMENSION_KNOW, cases[i].signal);
      g_assert_nonnull (signal);
      g_assert_cmpint (signal->points, ==, 12);
      g_assert_cmpint (signal->dimension, ==, NB_DIMENSION_KNOW);

      /* Knowing is not liking or trusting. */
      g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_LIKE), ==, 0);
      g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_TRUST), ==, 0);
    }
}

static void
test_know_challenges_dreams (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) challenge = NULL;
  g_autoptr(NbTrust) both = NULL;
  NbEntry *entry;

  /* Any challenge answers the question, even a resolved one. */
  entry = add (entries, NB_ENTRY_CHALLENGE, 3, "hiring");
  nb_entry_set_status (entry, NB_STATUS_RESOLVED);
  challenge = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (challenge, NB_DIMENSION_KNOW), ==, 12);
  g_assert_true (nb_trust_is_question_answered (challenge, NB_QUESTION_CHALLENGES));
  g_assert_false (nb_trust_is_question_answered (challenge, NB_QUESTION_DREAMS));
  g_assert_nonnull (find_signal (challenge, NB_DIMENSION_KNOW, "knows their challenges"));

  add (entries, NB_ENTRY_DREAM, 3, "sail around the world");
  both = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (both, NB_DIMENSION_KNOW), ==, 24);
  g_assert_true (nb_trust_is_question_answered (both, NB_QUESTION_DREAMS));
  g_assert_nonnull (find_signal (both, NB_DIMENSION_KNOW, "knows their dreams"));
}

static void
test_know_needs (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;

  add (entries, NB_ENTRY_NEED, 3, "an accountant");
  add (entries, NB_ENTRY_NEED, 2, "a designer");
  trust = nb_trust_compute (person, entries, TODAY);

  /* Once, however many needs. */
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_KNOW), ==, 6);
  g_assert_nonnull (find_signal (trust, NB_DIMENSION_KNOW, "knows what they need"));
}

static void
test_know_interactions (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();

  add (entries, NB_ENTRY_CONVERSATION, 0, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 4);

  add_n (entries, NB_ENTRY_MEETING, 2, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 12);

  add_n (entries, NB_ENTRY_CONVERSATION, 2, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 20);

  /* Capped at +20. */
  add_n (entries, NB_ENTRY_CONVERSATION, 5, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 20);

  /* A note is not a conversation. */
  g_ptr_array_set_size (entries, 0);
  add (entries, NB_ENTRY_NOTE, 0, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 0);
}

static void
test_know_details (void)
{
  static const NbPersonField details[] = {
    NB_PERSON_OFFERS, NB_PERSON_NETWORKS, NB_PERSON_LOCATION, NB_PERSON_INDUSTRY,
  };
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      nb_person_set_field (person, details[i], "known");
      g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 3 * (i + 1));
    }

  /* Contact details are not knowing someone. */
  nb_person_set_field (person, NB_PERSON_EMAILS, "ada@example.com");
  nb_person_set_field (person, NB_PERSON_COMPANY, "Engines Ltd");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_KNOW), ==, 12);
}

static NbPerson *
new_well_known_person (GPtrArray *entries)
{
  NbPerson *person = new_person ();

  nb_person_set_field (person, NB_PERSON_TARGET_MARKET, "engine builders");
  nb_person_set_field (person, NB_PERSON_WORK_LIKES, "the maths");
  nb_person_set_field (person, NB_PERSON_INDUSTRY_NEWS, "punched cards");
  nb_person_set_field (person, NB_PERSON_CAREER_ORIGIN, "her mother");
  nb_person_set_field (person, NB_PERSON_OFFERS, "analysis");
  nb_person_set_field (person, NB_PERSON_NETWORKS, "Royal Society");
  nb_person_set_field (person, NB_PERSON_LOCATION, "London");
  nb_person_set_field (person, NB_PERSON_INDUSTRY, "computing");
  add (entries, NB_ENTRY_DREAM, 0, "a thinking machine");
  add (entries, NB_ENTRY_CHALLENGE, 0, "funding");
  add (entries, NB_ENTRY_NEED, 0, "a patron");
  add_n (entries, NB_ENTRY_CONVERSATION, 5, 0);

  return person;
}

static void
test_know_cap (void)
{
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbPerson) person = new_well_known_person (entries);
  g_autoptr(NbTrust) trust = nb_trust_compute (person, entries, TODAY);
  GPtrArray *signals = nb_trust_get_signals (trust, NB_DIMENSION_KNOW);
  int sum = 0;

  for (guint i = 0; i < signals->len; i++)
    sum += ((NbSignal *) g_ptr_array_index (signals, i))->points;

  /* 6 × 12 + 6 + 20 + 4 × 3 = 110 signals, clamped to 100. */
  g_assert_cmpint (sum, ==, 110);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_KNOW), ==, 100);

  for (guint q = 0; q < NB_N_QUESTIONS; q++)
    g_assert_true (nb_trust_is_question_answered (trust, (NbQuestion) q));
}

static void
test_like_interests (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;

  nb_person_set_field (person, NB_PERSON_INTERESTS, "poetry, horses");
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_LIKE), ==, 20);
  g_assert_nonnull (find_signal (trust, NB_DIMENSION_LIKE, "common ground"));
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_KNOW), ==, 0);
}

static void
test_like_rapport (void)
{
  static const guint expected[] = { 0, 0, 10, 20, 30, 40 };
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();

  for (guint rapport = 0; rapport <= 5; rapport++)
    {
      g_autoptr(NbTrust) trust = NULL;

      nb_person_set_rapport (person, rapport);
      trust = nb_trust_compute (person, entries, TODAY);
      g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_LIKE), ==, expected[rapport]);

      if (expected[rapport] > 0)
        g_assert_nonnull (find_signal (trust, NB_DIMENSION_LIKE, "rapport rated"));
      else
        g_assert_null (find_signal (trust, NB_DIMENSION_LIKE, "rapport rated"));
    }
}

static void
test_like_conversations (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();

  add (entries, NB_ENTRY_CONVERSATION, 0, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_LIKE), ==, 3);

  add_n (entries, NB_ENTRY_CONVERSATION, 4, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_LIKE), ==, 15);

  /* Capped at +15. */
  add_n (entries, NB_ENTRY_CONVERSATION, 3, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_LIKE), ==, 15);

  /* A conversation planned for next week has not happened. */
  g_ptr_array_set_size (entries, 0);
  add (entries, NB_ENTRY_CONVERSATION, -7, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_LIKE), ==, 0);
}

static void
test_like_help_received (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;

  add_n (entries, NB_ENTRY_HELP_RECEIVED, 2, 0);
  trust = nb_trust_compute (person, entries, TODAY);

  /* Once in like (they are the helpful kind), per act in trust. */
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_LIKE), ==, 10);
  g_assert_nonnull (find_signal (trust, NB_DIMENSION_LIKE, "help you"));
}

static void
test_like_introduced (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;

  nb_person_set_introduced_by (person, 42);
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_LIKE), ==, 10);
  g_assert_nonnull (find_signal (trust, NB_DIMENSION_LIKE, "vouched"));
}

static void
test_trust_time_known (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autofree char *met_95 = days_ago (95);
  g_autofree char *met_400 = days_ago (400);
  g_autofree char *met_future = days_ago (-10);
  g_autoptr(NbTrust) trust = NULL;

  nb_person_set_field (person, NB_PERSON_MET_DATE, met_95);
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_TRUST), ==, 6);
  g_assert_nonnull (find_signal (trust, NB_DIMENSION_TRUST, "known for 3 months"));

  nb_person_set_field (person, NB_PERSON_MET_DATE, met_400);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 20);

  nb_person_set_field (person, NB_PERSON_MET_DATE, met_future);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 0);

  /* Without a met date, the first entry tells since when. */
  nb_person_set_field (person, NB_PERSON_MET_DATE, "");
  add (entries, NB_ENTRY_NOTE, 65, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 4);
}

static void
test_trust_meetings (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;

  add (entries, NB_ENTRY_MEETING, 0, "");
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_TRUST), ==, 10);
  g_assert_nonnull (find_signal (trust, NB_DIMENSION_TRUST, "1 one-to-one meeting"));

  add_n (entries, NB_ENTRY_MEETING, 3, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 30);

  /* An upcoming meeting earns nothing yet. */
  g_ptr_array_set_size (entries, 0);
  add (entries, NB_ENTRY_MEETING, -3, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 0);
}

static void
test_trust_kept (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;

  add_follow_up (entries, 0, 0, "send deck", NB_STATUS_DONE);
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_TRUST), ==, 5);
  g_assert_nonnull (find_signal (trust, NB_DIMENSION_TRUST, "follow-up kept"));

  for (guint i = 0; i < 5; i++)
    add_follow_up (entries, 0, 0, "call", NB_STATUS_DONE);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 20);

  /* An open follow-up that is not due yet is neither kept nor broken. */
  g_ptr_array_set_size (entries, 0);
  add_follow_up (entries, 0, -5, "call", NB_STATUS_OPEN);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 0);
}

static void
test_trust_broken (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;
  const NbSignal *signal;
  g_autofree char *yesterday = days_ago (1);

  add_n (entries, NB_ENTRY_MEETING, 3, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 30);

  /* Due today is not late yet. */
  add_follow_up (entries, 5, 0, "due today", NB_STATUS_OPEN);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 30);

  add_follow_up (entries, 5, 1, "send the deck", NB_STATUS_OPEN);
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_TRUST), ==, 20);
  signal = find_signal (trust, NB_DIMENSION_TRUST, "send the deck");
  g_assert_nonnull (signal);
  g_assert_cmpint (signal->points, ==, -10);
  g_assert_nonnull (strstr (signal->description, yesterday));

  add_follow_up (entries, 5, 2, "call Bob", NB_STATUS_OPEN);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 10);

  /* Not capped, but the score never goes below 0. */
  for (guint i = 0; i < 3; i++)
    add_follow_up (entries, 5, 3, "more", NB_STATUS_OPEN);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 0);
}

static void
test_trust_given (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  NbEntry *introduction;

  add (entries, NB_ENTRY_HELP_GIVEN, 0, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 5);

  add (entries, NB_ENTRY_REFERRAL_GIVEN, 0, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 10);

  /* An introduction recorded on someone else's card, with this person
   * as the other side, is still something given to them. */
  introduction = add (entries, NB_ENTRY_INTRODUCTION, 0, "");
  nb_entry_set_person_id (introduction, 99);
  nb_entry_set_other_person_id (introduction, PERSON_ID);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 15);

  add_n (entries, NB_ENTRY_HELP_GIVEN, 3, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 20);
}

static void
test_trust_received (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();

  add (entries, NB_ENTRY_REFERRAL_RECEIVED, 0, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 5);
  /* A referral is trust, not (yet) liking. */
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_LIKE), ==, 0);

  add (entries, NB_ENTRY_HELP_RECEIVED, 0, "");
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 10);

  add_n (entries, NB_ENTRY_REFERRAL_RECEIVED, 3, 0);
  g_assert_cmpuint (score (person, entries, NB_DIMENSION_TRUST), ==, 15);
}

/* Trust with and without a 30-day cadence, last contact @ago days ago. */
static void
assert_decay (int  ago,
              int  penalty,
              int  expected_days)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) without = NULL;
  g_autoptr(NbTrust) with = NULL;
  int delta;

  add_n (entries, NB_ENTRY_MEETING, 3, ago);
  without = nb_trust_compute (person, entries, TODAY);
  nb_person_set_cadence_days (person, 30);
  with = nb_trust_compute (person, entries, TODAY);

  delta = (int) nb_trust_get_score (with, NB_DIMENSION_TRUST) -
          (int) nb_trust_get_score (without, NB_DIMENSION_TRUST);
  g_assert_cmpint (delta, ==, penalty);
  g_assert_cmpint (nb_trust_get_going_cold (with), ==, penalty != 0);
  g_assert_false (nb_trust_get_going_cold (without));
  g_assert_cmpint (nb_trust_get_days_since_contact (with), ==, expected_days);

  if (penalty != 0)
    {
      g_autofree char *needle = g_strdup_printf ("no contact for %d days (cadence 30)", ago);
      const NbSignal *signal = find_signal (with, NB_DIMENSION_TRUST, needle);

      g_assert_nonnull (signal);
      g_assert_cmpint (signal->points, ==, penalty);
    }
}

static void
test_decay (void)
{
  assert_decay (0, 0, 0);
  assert_decay (30, 0, 30);
  assert_decay (31, -15, 31);
  assert_decay (60, -15, 60);
  assert_decay (61, -25, 61);
  assert_decay (200, -25, 200);
}

static void
test_decay_never_contacted (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autofree char *met_40 = days_ago (40);
  g_autofree char *met_20 = days_ago (20);
  g_autoptr(NbTrust) cold = NULL;
  g_autoptr(NbTrust) fresh = NULL;

  nb_person_set_cadence_days (person, 30);
  /* Writing down their dream is not being in touch. */
  add (entries, NB_ENTRY_DREAM, 1, "a thinking machine");

  nb_person_set_field (person, NB_PERSON_MET_DATE, met_40);
  cold = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpint (nb_trust_get_days_since_contact (cold), ==, -1);
  g_assert_true (nb_trust_get_going_cold (cold));
  g_assert_true (has_step (cold, "No contact since you met"));

  nb_person_set_field (person, NB_PERSON_MET_DATE, met_20);
  fresh = nb_trust_compute (person, entries, TODAY);
  g_assert_false (nb_trust_get_going_cold (fresh));
}

static void
test_decay_created (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* No met date, no entry: the card's creation starts the clock. */
  nb_person_set_cadence_days (person, 30);
  nb_person_set_timestamps (person, g_date_time_to_unix (now) - 40 * 24 * 3600, 0);
  trust = nb_trust_compute (person, entries, today);
  g_assert_true (nb_trust_get_going_cold (trust));
}

static void
test_contact_clock (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;
  g_autoptr(NbTrust) with_note = NULL;

  add (entries, NB_ENTRY_CONVERSATION, 50, "");
  add (entries, NB_ENTRY_CHALLENGE, 1, "");
  add (entries, NB_ENTRY_NEED, 1, "");
  add (entries, NB_ENTRY_MEETING, -5, "");
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpint (nb_trust_get_days_since_contact (trust), ==, 50);

  /* Any logged contact restarts the clock, a note too. */
  add (entries, NB_ENTRY_NOTE, 2, "");
  with_note = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpint (nb_trust_get_days_since_contact (with_note), ==, 2);
}

static void
test_stage_credibility (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) low_know = NULL;
  g_autoptr(NbTrust) credible = NULL;
  g_autoptr(NbTrust) low_trust = NULL;

  /* Trust 30: four promises kept and two acts of help. */
  for (guint i = 0; i < 4; i++)
    add_follow_up (entries, 0, 0, "", NB_STATUS_DONE);
  add_n (entries, NB_ENTRY_HELP_GIVEN, 2, 0);

  /* Know 39. */
  nb_person_set_field (person, NB_PERSON_TARGET_MARKET, "x");
  nb_person_set_field (person, NB_PERSON_WORK_LIKES, "x");
  nb_person_set_field (person, NB_PERSON_INDUSTRY_NEWS, "x");
  nb_person_set_field (person, NB_PERSON_LOCATION, "x");
  low_know = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (low_know, NB_DIMENSION_TRUST), ==, 30);
  g_assert_cmpuint (nb_trust_get_score (low_know, NB_DIMENSION_KNOW), ==, 39);
  g_assert_cmpint (nb_trust_get_stage (low_know), ==, NB_STAGE_VISIBILITY);

  /* Know 42. */
  nb_person_set_field (person, NB_PERSON_INDUSTRY, "x");
  credible = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (credible, NB_DIMENSION_KNOW), ==, 42);
  g_assert_cmpint (nb_trust_get_stage (credible), ==, NB_STAGE_CREDIBILITY);

  /* Trust 25. */
  g_ptr_array_remove_index (entries, entries->len - 1);
  low_trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (low_trust, NB_DIMENSION_TRUST), ==, 25);
  g_assert_cmpint (nb_trust_get_stage (low_trust), ==, NB_STAGE_VISIBILITY);
}

static void
test_stage_profitability (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autofree char *met = days_ago (150);
  g_autoptr(NbTrust) profitable = NULL;
  g_autoptr(NbTrust) no_referral = NULL;
  g_autoptr(NbTrust) lower = NULL;

  /* Trust 60: 5 months (10), 3 kept (15), 4 referrals given (20),
   * 3 acts of help received (15). */
  nb_person_set_field (person, NB_PERSON_MET_DATE, met);
  for (guint i = 0; i < 3; i++)
    add_follow_up (entries, 0, 0, "", NB_STATUS_DONE);
  add_n (entries, NB_ENTRY_HELP_RECEIVED, 3, 0);
  add_n (entries, NB_ENTRY_REFERRAL_GIVEN, 4, 0);

  profitable = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (profitable, NB_DIMENSION_TRUST), ==, 60);
  g_assert_cmpint (nb_trust_get_stage (profitable), ==, NB_STAGE_PROFITABILITY);

  /* Same trust from help instead of referrals: credibility at best,
   * here visibility since we hardly know them. */
  for (guint i = entries->len - 4; i < entries->len; i++)
    nb_entry_set_kind (g_ptr_array_index (entries, i), NB_ENTRY_HELP_GIVEN);
  no_referral = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (no_referral, NB_DIMENSION_TRUST), ==, 60);
  g_assert_cmpint (nb_trust_get_stage (no_referral), ==, NB_STAGE_VISIBILITY);

  /* A referral but trust 55. */
  nb_entry_set_kind (g_ptr_array_index (entries, entries->len - 1), NB_ENTRY_REFERRAL_GIVEN);
  g_ptr_array_remove_index (entries, 0);
  lower = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (lower, NB_DIMENSION_TRUST), ==, 55);
  g_assert_cmpint (nb_trust_get_stage (lower), !=, NB_STAGE_PROFITABILITY);
}

static void
test_stage_profitability_needs_no_know (void)
{
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbPerson) person = new_well_known_person (entries);
  g_autoptr(NbTrust) trust = NULL;

  /* Know 100, trust 60 without a referral: credibility. */
  add_n (entries, NB_ENTRY_MEETING, 3, 0);
  add_n (entries, NB_ENTRY_HELP_GIVEN, 4, 0);
  add_n (entries, NB_ENTRY_HELP_RECEIVED, 2, 0);
  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (trust, NB_DIMENSION_TRUST), ==, 60);
  g_assert_cmpint (nb_trust_get_stage (trust), ==, NB_STAGE_CREDIBILITY);
}

static void
test_pitch (void)
{
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbPerson) person = new_well_known_person (entries);
  g_autoptr(NbTrust) not_yet = NULL;
  g_autoptr(NbTrust) ok = NULL;

  /* Trust 45: no pitch. The well-known person has an open challenge and
   * need, which is why offering help comes before pitching. */
  add_n (entries, NB_ENTRY_MEETING, 3, 0);
  for (guint i = 0; i < 3; i++)
    add_follow_up (entries, 0, 0, "", NB_STATUS_DONE);
  not_yet = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (not_yet, NB_DIMENSION_TRUST), ==, 45);
  g_assert_false (nb_trust_get_pitch_ok (not_yet));
  g_assert_false (has_step (not_yet, "Look for an opportunity to mention what you need"));

  /* Trust 50. */
  add_follow_up (entries, 0, 0, "", NB_STATUS_DONE);
  ok = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (nb_trust_get_score (ok, NB_DIMENSION_TRUST), ==, 50);
  g_assert_true (nb_trust_get_pitch_ok (ok));
  g_assert_cmpuint (n_steps (ok), ==, 3);
  assert_step (ok, 0, "Offer help with their challenge “funding”");
  assert_step (ok, 1, "Offer help with their need “a patron”");
  assert_step (ok, 2, "Look for an opportunity to mention what you need");
}

static void
test_next_steps_order (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;

  nb_person_set_cadence_days (person, 30);
  add_follow_up (entries, 100, 10, "Send the deck", NB_STATUS_OPEN);
  add_follow_up (entries, 100, 40, "Call Bob", NB_STATUS_OPEN);
  add (entries, NB_ENTRY_CONVERSATION, 95, "");
  add (entries, NB_ENTRY_CHALLENGE, 95, "hiring");
  add (entries, NB_ENTRY_NEED, 95, "office space");

  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (n_steps (trust), ==, 5);
  /* Most overdue first. */
  assert_step (trust, 0, "Follow up on the overdue promise “Call Bob” (due 6 May 2024)");
  assert_step (trust, 1, "Follow up on the overdue promise “Send the deck” (due 5 June 2024)");
  assert_step (trust, 2, "It’s been 95 days: get back in touch");
  /* The challenge is known: the first unasked question is the target
   * market. */
  assert_step (trust, 3, "Ask them: “Who is your ideal client");
  assert_step (trust, 4, "Schedule a 1-to-1");
}

static void
test_next_steps_help (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;
  g_autoptr(NbTrust) resolved = NULL;
  g_autoptr(NbTrust) upcoming = NULL;
  NbEntry *challenge;

  nb_person_set_field (person, NB_PERSON_TARGET_MARKET, "bakers");
  add (entries, NB_ENTRY_CHALLENGE, 30, "older challenge");
  challenge = add (entries, NB_ENTRY_CHALLENGE, 3, "hiring");
  add (entries, NB_ENTRY_NEED, 3, "office space");

  trust = nb_trust_compute (person, entries, TODAY);
  g_assert_cmpuint (n_steps (trust), ==, 4);
  assert_step (trust, 0, "Ask them: “What do you like most about your work?”");
  assert_step (trust, 1, "Schedule a 1-to-1");
  /* The newest open challenge. */
  assert_step (trust, 2, "Offer help with their challenge “hiring”");
  assert_step (trust, 3, "Offer help with their need “office space”");

  nb_entry_set_status (challenge, NB_STATUS_RESOLVED);
  resolved = nb_trust_compute (person, entries, TODAY);
  assert_step (resolved, 2, "Offer help with their challenge “older challenge”");

  /* A 1-to-1 already in the diary needs no scheduling. */
  add (entries, NB_ENTRY_MEETING, -7, "coffee");
  upcoming = nb_trust_compute (person, entries, TODAY);
  g_assert_false (has_step (upcoming, "Schedule a 1-to-1"));
}

static void
test_next_steps_excerpt (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(GPtrArray) entries = new_timeline ();
  g_autoptr(NbTrust) trust = NULL;
  const char *step;

  add_follow_up (entries, 10, 5,
                 "Send the long proposal about the difference engine and its many gears to the society\n"
                 "second line",
                 NB_STATUS_OPEN);
  trust = nb_trust_compute (person, entries, TODAY);
  step = nb_trust_get_next_steps (trust)[0];
  g_assert_nonnull (strstr (step, "…”"));
  g_assert_null (strstr (step, "second line"));
  g_assert_null (strstr (step, "society"));
}

static void
test_insert_next_step (void)
{
  g_autoptr(NbPerson) person = new_person ();
  g_autoptr(NbTrust) trust = nb_trust_compute (person, NULL, TODAY);
  const char * const *steps;

  g_assert_cmpuint (n_steps (trust), ==, 2);

  nb_trust_insert_next_step (trust, 0, "Introduce them to Bob");
  nb_trust_insert_next_step (trust, -1, "Last");
  nb_trust_insert_next_step (trust, 100, "Really last");

  steps = nb_trust_get_next_steps (trust);
  g_assert_cmpuint (n_steps (trust), ==, 5);
  g_assert_cmpstr (steps[0], ==, "Introduce them to Bob");
  g_assert_true (g_str_has_prefix (steps[1], "Ask them"));
  g_assert_cmpstr (steps[3], ==, "Last");
  g_assert_cmpstr (steps[4], ==, "Really last");
  g_assert_null (steps[5]);
}

/* Recording one more good fact never lowers any score. */
static void
test_monotonic (void)
{
  static const NbEntryKind kinds[] = {
    NB_ENTRY_CONVERSATION, NB_ENTRY_MEETING, NB_ENTRY_NOTE, NB_ENTRY_DREAM,
    NB_ENTRY_CHALLENGE, NB_ENTRY_NEED, NB_ENTRY_HELP_GIVEN, NB_ENTRY_HELP_RECEIVED,
    NB_ENTRY_REFERRAL_GIVEN, NB_ENTRY_REFERRAL_RECEIVED, NB_ENTRY_INTRODUCTION,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(NbPerson) person = new_person ();
      g_autoptr(GPtrArray) entries = new_timeline ();
      g_autoptr(NbTrust) before = NULL;
      g_autoptr(NbTrust) after = NULL;
      g_autofree char *met = days_ago (120);

      nb_person_set_field (person, NB_PERSON_MET_DATE, met);
      nb_person_set_cadence_days (person, 30);
      add (entries, NB_ENTRY_CONVERSATION, 45, "");
      add (entries, NB_ENTRY_MEETING, 45, "");
      add_follow_up (entries, 45, 40, "late", NB_STATUS_OPEN);

      before = nb_trust_compute (person, entries, TODAY);
      add (entries, kinds[k], 1, "");
      after = nb_trust_compute (person, entries, TODAY);

      for (guint d = 0; d < NB_N_DIMENSIONS; d++)
        g_assert_cmpuint (nb_trust_get_score (after, (NbDimension) d), >=,
                          nb_trust_get_score (before, (NbDimension) d));
    }
}

static void
test_signal_boxed (void)
{
  NbSignal signal = { NB_DIMENSION_LIKE, -7, (char *) "described" };
  g_autoptr(NbSignal) copy = nb_signal_copy (&signal);
  NbSignal *boxed;

  g_assert_true (G_TYPE_IS_BOXED (NB_TYPE_SIGNAL));
  g_assert_cmpint (copy->dimension, ==, NB_DIMENSION_LIKE);
  g_assert_cmpint (copy->points, ==, -7);
  g_assert_cmpstr (copy->description, ==, "described");
  g_assert_true (copy->description != signal.description);

  boxed = g_boxed_copy (NB_TYPE_SIGNAL, copy);
  g_assert_cmpstr (boxed->description, ==, "described");
  g_boxed_free (NB_TYPE_SIGNAL, boxed);

  nb_signal_free (NULL);
}

static void
test_questions (void)
{
  static const char * const strings[NB_N_QUESTIONS] = {
    "target-market", "work-likes", "industry-news", "challenges", "career-origin", "dreams",
  };

  for (guint q = 0; q < NB_N_QUESTIONS; q++)
    {
      const char *text = nb_question_get_text ((NbQuestion) q);

      g_assert_cmpstr (nb_question_to_string ((NbQuestion) q), ==, strings[q]);
      g_assert_true (g_str_has_suffix (text, "?"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trust/empty", test_empty);
  g_test_add_func ("/trust/null-entries", test_null_entries);
  g_test_add_func ("/trust/know/questions", test_know_questions);
  g_test_add_func ("/trust/know/challenges-dreams", test_know_challenges_dreams);
  g_test_add_func ("/trust/know/needs", test_know_needs);
  g_test_add_func ("/trust/know/interactions", test_know_interactions);
  g_test_add_func ("/trust/know/details", test_know_details);
  g_test_add_func ("/trust/know/cap", test_know_cap);
  g_test_add_func ("/trust/like/interests", test_like_interests);
  g_test_add_func ("/trust/like/rapport", test_like_rapport);
  g_test_add_func ("/trust/like/conversations", test_like_conversations);
  g_test_add_func ("/trust/like/help-received", test_like_help_received);
  g_test_add_func ("/trust/like/introduced", test_like_introduced);
  g_test_add_func ("/trust/trust/time-known", test_trust_time_known);
  g_test_add_func ("/trust/trust/meetings", test_trust_meetings);
  g_test_add_func ("/trust/trust/kept", test_trust_kept);
  g_test_add_func ("/trust/trust/broken", test_trust_broken);
  g_test_add_func ("/trust/trust/given", test_trust_given);
  g_test_add_func ("/trust/trust/received", test_trust_received);
  g_test_add_func ("/trust/decay/cadence", test_decay);
  g_test_add_func ("/trust/decay/never-contacted", test_decay_never_contacted);
  g_test_add_func ("/trust/decay/created", test_decay_created);
  g_test_add_func ("/trust/contact-clock", test_contact_clock);
  g_test_add_func ("/trust/stage/credibility", test_stage_credibility);
  g_test_add_func ("/trust/stage/profitability", test_stage_profitability);
  g_test_add_func ("/trust/stage/profitability-needs-referral", test_stage_profitability_needs_no_know);
  g_test_add_func ("/trust/pitch", test_pitch);
  g_test_add_func ("/trust/next-steps/order", test_next_steps_order);
  g_test_add_func ("/trust/next-steps/help", test_next_steps_help);
  g_test_add_func ("/trust/next-steps/excerpt", test_next_steps_excerpt);
  g_test_add_func ("/trust/next-steps/insert", test_insert_next_step);
  g_test_add_func ("/trust/monotonic", test_monotonic);
  g_test_add_func ("/trust/signal/boxed", test_signal_boxed);
  g_test_add_func ("/trust/questions", test_questions);

  return g_test_run ();
}
