/* test-capture.c: the quick capture's line syntax, its follow-up dates
 * and matching typed names against the people already known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-date.h"
#include "store-test-util.h"

/* A Friday, as in UX.md's sketch. */
#define TODAY "2026-11-20"

static NbCaptureLine *
parse (const char *text)
{
  NbCaptureLine *line = nb_capture_parse_line (text, TODAY);

  g_assert_nonnull (line);
  g_assert_nonnull (line->name);
  g_assert_nonnull (line->company);
  g_assert_nonnull (line->note);
  g_assert_nonnull (line->tags);
  g_assert_nonnull (line->problems);
  for (guint i = 0; i < line->problems->len; i++)
    {
      g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 60));

      g_test_message ("“%s”: %s", shown, (const char *) g_ptr_array_index (line->problems, i));
    }

  return line;
}

static void
assert_line (const char *text,
             const char *name,
             const char *company,
             const char *note,
             const char *tags,    /* comma-separated, "" for none */
             const char *due)     /* NULL for none */
{
  g_autoptr(NbCaptureLine) line = parse (text);
  g_autofree char *joined = g_strjoinv (",", line->tags);

  g_assert_cmpstr (line->name, ==, name);
  g_assert_cmpstr (line->company, ==, company);
  g_assert_cmpstr (line->note, ==, note);
  g_assert_cmpstr (joined, ==, tags);
  g_assert_cmpstr (line->followup_due, ==, due);
  g_assert_cmpuint (line->problems->len, ==, 0);
  g_assert_true (nb_capture_line_is_valid (line));
  g_assert_cmpint (line->person_id, ==, 0);
}

/* A problem whose message contains @fragment (NULL: any). */
static NbCaptureLine *
assert_problem (const char *text,
                const char *fragment)
{
  NbCaptureLine *line = parse (text);
  gboolean found = FALSE;

  g_assert_cmpuint (line->problems->len, >, 0);
  g_assert_false (nb_capture_line_is_valid (line));
  g_assert_false (nb_capture_line_is_blank (line));

  for (guint i = 0; i < line->problems->len; i++)
    if (fragment == NULL || strstr (g_ptr_array_index (line->problems, i), fragment) != NULL)
      found = TRUE;
  g_assert_true (found);

  return line;
}

/* ---- The line syntax --------------------------------------------------- */

static void
test_syntax_forms (void)
{
  /* UX.md's two lines. */
  assert_line ("Bob Haddad (Blue Harbor): wants restaurant referrals #insurance !fri",
               "Bob Haddad", "Blue Harbor", "wants restaurant referrals", "insurance", "2026-11-27");
  assert_line ("Priya Raghunathan, Spa Olivia: looking for a bookkeeper",
               "Priya Raghunathan", "Spa Olivia", "looking for a bookkeeper", "", NULL);

  assert_line ("Maria Rossi", "Maria Rossi", "", "", "", NULL);
  assert_line ("Maria Rossi: designs menus", "Maria Rossi", "", "designs menus", "", NULL);
  assert_line ("Maria Rossi (Bianchi Rossi)", "Maria Rossi", "Bianchi Rossi", "", "", NULL);
  assert_line ("Maria Rossi, Bianchi Rossi", "Maria Rossi", "Bianchi Rossi", "", "", NULL);
  /* Without a ":", the rest after "(Company)" or a second comma is the note. */
  assert_line ("Maria Rossi (Bianchi) great with logos", "Maria Rossi", "Bianchi", "great with logos", "", NULL);
  assert_line ("Priya, Spa Olivia, looking for a bookkeeper", "Priya", "Spa Olivia", "looking for a bookkeeper", "", NULL);
  assert_line ("Maria Rossi (Bianchi), great with logos", "Maria Rossi", "Bianchi", "great with logos", "", NULL);
  /* Parentheses inside the company, and after the comma form. */
  assert_line ("Tom (Acme (UK) Ltd): roofs", "Tom", "Acme (UK) Ltd", "roofs", "", NULL);
  assert_line ("Priya, Spa Olivia (Downtown): hi", "Priya", "Spa Olivia (Downtown)", "hi", "", NULL);
  /* Tags and the follow-up anywhere, several tags, odd spacing. */
  assert_line ("#vip   Bob  Haddad :  knows #real-estate people !tomorrow  ",
               "Bob Haddad", "", "knows people", "vip,real-estate", "2026-11-21");
  assert_line ("Bob Haddad !in 2 weeks (Blue Harbor) #a #b #a",
               "Bob Haddad", "Blue Harbor", "", "a,b", "2026-12-04");
  assert_line ("Bob: send the deck !next week", "Bob", "", "send the deck", "", "2026-11-23");
  /* Punctuation after a token stays with the sentence. */
  assert_line ("Bob: call back !fri. Then lunch", "Bob", "", "call back. Then lunch", "", "2026-11-27");
  assert_line ("Bob: great contact #realtors.", "Bob", "", "great contact.", "realtors", NULL);
  assert_line ("Bob: #real-estate- agent", "Bob", "", "agent", "real-estate", NULL);
  /* Control characters and tabs are spaces. */
  assert_line ("Bob\tHaddad:\twants\rreferrals", "Bob Haddad", "", "wants referrals", "", NULL);
}

static void
test_syntax_note_text (void)
{
  /* Only the first colon separates; times and addresses never do. */
  assert_line ("Bob: meeting at 10:30: bring the deck", "Bob", "", "meeting at 10:30: bring the deck", "", NULL);
  assert_line ("Bob: see http://example.com/menu#lunch or mail bob@example.com",
               "Bob", "", "see http://example.com/menu#lunch or mail bob@example.com", "", NULL);
  assert_line ("Bob Haddad: https://blueharbor.example", "Bob Haddad", "", "https://blueharbor.example", "", NULL);
  /* "!" and "#" inside words, or alone, are text. */
  assert_line ("Bob: wow! great #1 fan, price ! ok", "Bob", "", "wow! great #1 fan, price ! ok", "", NULL);
  assert_line ("Bob: a # b", "Bob", "", "a # b", "", NULL);
  /* A note may hold any parentheses. */
  assert_line ("Bob: loves boats :-) (and planes", "Bob", "", "loves boats :-) (and planes", "", NULL);
  /* The company may be empty. */
  assert_line ("Bob (): hi", "Bob", "", "hi", "", NULL);
}

static void
test_syntax_followup_text (void)
{
  g_autoptr(NbCaptureLine) with_note = parse ("Bob Haddad (Blue Harbor): send referrals !fri");
  g_autoptr(NbCaptureLine) without_note = parse ("Chen Wei #tea !tomorrow");
  g_autoptr(NbCaptureLine) none = parse ("Chen Wei: no follow-up");
  g_autoptr(NbCaptureLine) copy = NULL;

  g_assert_cmpstr (with_note->followup_text, ==, "send referrals");
  g_assert_cmpstr (without_note->followup_text, ==, "Follow up with Chen Wei");
  g_assert_cmpstr (without_note->note, ==, "");
  g_assert_null (none->followup_text);
  g_assert_null (none->followup_due);

  copy = nb_capture_line_copy (with_note);
  g_assert_cmpstr (copy->followup_text, ==, "send referrals");
  g_assert_cmpstr (copy->tags[0], ==, NULL);
}

static void
test_syntax_non_latin (void)
{
  assert_line ("张伟 (华为): 想认识餐厅老板 #科技 !tomorrow", "张伟", "华为", "想认识餐厅老板", "科技", "2026-11-21");
  assert_line ("Дмитрий Иванов, Газпром: ищет бухгалтера #финансы",
               "Дмитрий Иванов", "Газпром", "ищет бухгалтера", "финансы", NULL);
  assert_line ("محمد علي: يبحث عن محاسب", "محمد علي", "", "يبحث عن محاسب", "", NULL);
  assert_line ("Zoë Ångström (Salons Ångström): #café", "Zoë Ångström", "Salons Ångström", "", "café", NULL);
}

static void
test_syntax_blank (void)
{
  const char *blanks[] = { "", " ", "\t  \t", "\r", NULL };

  for (guint i = 0; blanks[i] != NULL; i++)
    {
      g_autoptr(NbCaptureLine) line = parse (blanks[i]);

      g_assert_true (nb_capture_line_is_blank (line));
      g_assert_false (nb_capture_line_is_valid (line));
      g_assert_cmpuint (line->problems->len, ==, 0);
    }
}

static void
test_syntax_wrong (void)
{
  g_autoptr(NbCaptureLine) tag_only = assert_problem ("#insurance", "name");
  g_autoptr(NbCaptureLine) when_only = assert_problem ("!fri", "name");
  g_autoptr(NbCaptureLine) note_only = assert_problem (": just a note", "name");
  g_autoptr(NbCaptureLine) digits = assert_problem ("12345: note", "not a name");
  g_autoptr(NbCaptureLine) unclosed = assert_problem ("Bob Haddad (Blue Harbor: wants referrals", "not closed");
  g_autoptr(NbCaptureLine) unclosed_comma = assert_problem ("Priya, Spa (Olivia", "not closed");
  g_autoptr(NbCaptureLine) stray = assert_problem ("Bob Haddad) Blue: hi", "“)”");
  g_autoptr(NbCaptureLine) garbage = assert_problem ("Bob: call him !blah about it", "“blah”");
  g_autoptr(NbCaptureLine) bad_in = assert_problem ("Bob !in two fortnights", "“in two fortnights”");
  g_autoptr(NbCaptureLine) bad_date = assert_problem ("Bob !2026-02-30", "“2026-02-30”");
  g_autoptr(NbCaptureLine) bangs = assert_problem ("Bob !!urgent", "“!urgent”");
  g_autoptr(NbCaptureLine) second = assert_problem ("Bob !fri !mon", "one follow-up");
  g_autoptr(NbCaptureLine) address = assert_problem ("Bob Haddad http://blueharbor.example", "address");
  g_autoptr(NbCaptureLine) email = assert_problem ("bob@blueharbor.example", "address");
  g_autoptr(NbCaptureLine) invalid = assert_problem ("Bob \xff\xfe: hi", "UTF-8");

  /* Nothing typed is dropped: the text that was not a date stays. */
  g_assert_cmpstr (garbage->name, ==, "Bob");
  g_assert_cmpstr (garbage->note, ==, "call him !blah about it");
  g_assert_null (garbage->followup_due);
  g_assert_cmpstr (bad_date->name, ==, "Bob !2026-02-30");
  /* The first follow-up holds; the second stays in the text. */
  g_assert_cmpstr (second->followup_due, ==, "2026-11-27");
  g_assert_cmpstr (second->name, ==, "Bob !mon");
  /* The unclosed company still shows what was typed. */
  g_assert_cmpstr (unclosed->name, ==, "Bob Haddad");
  g_assert_cmpstr (unclosed->company, ==, "Blue Harbor");
  g_assert_cmpstr (unclosed->note, ==, "wants referrals");
  g_assert_cmpstr (tag_only->tags[0], ==, "insurance");
  g_assert_true (g_utf8_validate (invalid->name, -1, NULL));
}

static void
test_syntax_long_lines (void)
{
  g_autoptr(GString) text = g_string_new ("Bob Haddad (Blue Harbor): ");
  g_autoptr(GString) bangs = g_string_new ("Bob:");
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(NbCaptureLine) line = NULL;
  g_autoptr(NbCaptureLine) many = NULL;
  g_autoptr(NbCaptureLine) named = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "referrals ");
  g_string_append (text, "#insurance !fri");
  line = parse (text->str);
  g_assert_cmpuint (line->problems->len, ==, 0);
  g_assert_cmpstr (line->name, ==, "Bob Haddad");
  g_assert_cmpuint (strlen (line->note), ==, 20000 * 10 - 1);
  g_assert_cmpstr (line->followup_due, ==, "2026-11-27");

  /* A page of bad follow-ups gives a few problems, not a page. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (bangs, " !x%u", i);
  many = parse (bangs->str);
  g_assert_cmpuint (many->problems->len, >, 0);
  g_assert_cmpuint (many->problems->len, <=, 8);

  /* A note that lost its colon makes a very long name. */
  g_string_append (long_name, "Bob Haddad");
  for (guint i = 0; i < 12; i++)
    g_string_append (long_name, " wants restaurant referrals");
  named = parse (long_name->str);
  g_assert_cmpuint (named->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (named->problems, 0), "long"));
}

static void
test_parse_text (void)
{
  g_autoptr(GPtrArray) lines = nb_capture_parse_text ("Bob Haddad\n\r\nPriya, Spa Olivia\r\n", TODAY);
  g_autoptr(GPtrArray) none = nb_capture_parse_text ("", TODAY);

  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (((NbCaptureLine *) g_ptr_array_index (lines, 0))->name, ==, "Bob Haddad");
  g_assert_true (nb_capture_line_is_blank (g_ptr_array_index (lines, 1)));
  g_assert_cmpstr (((NbCaptureLine *) g_ptr_array_index (lines, 2))->company, ==, "Spa Olivia");
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---- Follow-up dates ---------------------------------------------------- */

static void
assert_relative (const char *today,
                 const char *text,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_test_message ("%s + “%s”", today, text);
  g_assert_true (nb_date_parse_relative (text, today, &iso, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_not_relative (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_assert_false (nb_date_parse_relative (text, TODAY, &iso, &error));
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
  g_assert_null (iso);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_dates_forms (void)
{
  /* Friday 20 November 2026. */
  assert_relative (TODAY, "today", "2026-11-20");
  assert_relative (TODAY, "tomorrow", "2026-11-21");
  assert_relative (TODAY, "TOMORROW", "2026-11-21");
  assert_relative (TODAY, "  tmrw ", "2026-11-21");
  assert_relative (TODAY, "sat", "2026-11-21");
  assert_relative (TODAY, "sun", "2026-11-22");
  assert_relative (TODAY, "mon", "2026-11-23");
  assert_relative (TODAY, "Tuesday", "2026-11-24");
  assert_relative (TODAY, "tues", "2026-11-24");
  assert_relative (TODAY, "wed", "2026-11-25");
  assert_relative (TODAY, "thu", "2026-11-26");
  assert_relative (TODAY, "thurs", "2026-11-26");
  /* Today's weekday is next week's: strictly after today. */
  assert_relative (TODAY, "fri", "2026-11-27");
  assert_relative (TODAY, "friday", "2026-11-27");
  assert_relative (TODAY, "next week", "2026-11-23");
  assert_relative (TODAY, "next  month", "2026-12-01");
  assert_relative (TODAY, "in 3 days", "2026-11-23");
  assert_relative (TODAY, "in 1 day", "2026-11-21");
  assert_relative (TODAY, "in a week", "2026-11-27");
  assert_relative (TODAY, "in 2 weeks", "2026-12-04");
  assert_relative (TODAY, "in two weeks", "2026-12-04");
  assert_relative (TODAY, "in 2w", "2026-12-04");
  assert_relative (TODAY, "in 10days", "2026-11-30");
  assert_relative (TODAY, "in 1 month", "2026-12-20");
  assert_relative (TODAY, "in 6 months", "2027-05-20");
  assert_relative (TODAY, "2026-12-01", "2026-12-01");
  /* A date in the past is still a date: the agenda shows it overdue. */
  assert_relative (TODAY, "2026-01-05", "2026-01-05");
}

static void
test_dates_month_and_year_ends (void)
{
  /* Thursday 31 December 2026. */
  assert_relative ("2026-12-31", "tomorrow", "2027-01-01");
  assert_relative ("2026-12-31", "fri", "2027-01-01");
  assert_relative ("2026-12-31", "thu", "2027-01-07");
  assert_relative ("2026-12-31", "next week", "2027-01-04");
  assert_relative ("2026-12-31", "next month", "2027-01-01");
  assert_relative ("2026-12-31", "in 2 months", "2027-02-28");
  assert_relative ("2026-12-31", "in 1 week", "2027-01-07");
  /* Saturday 31 January 2026: a month later is February's last day. */
  assert_relative ("2026-01-31", "in 1 month", "2026-02-28");
  assert_relative ("2026-01-31", "sun", "2026-02-01");
  assert_relative ("2026-01-31", "sat", "2026-02-07");
  /* Leap years. */
  assert_relative ("2024-02-28", "tomorrow", "2024-02-29");
  assert_relative ("2024-02-28", "in 2 days", "2024-03-01");
  assert_relative ("2024-01-31", "in a month", "2024-02-29");
  /* Monday 27 December 2027: next week is the next year's. */
  assert_relative ("2027-12-27", "next week", "2028-01-03");
  assert_relative ("2027-12-27", "mon", "2028-01-03");
}

static void
test_dates_wrong (void)
{
  const char *wrong[] = {
    "", "   ", "blah", "in", "in days", "in 0 days", "in -2 days", "in 2", "in 2 fortnights",
    "in 5000 days", "in 1000 weeks", "in 200 months", "next", "next fri", "next year",
    "2026-02-30", "2026-13-01", "2026-1-5", "26-01-05", "tomorrow please", "fri day",
    "\xff\xfe", "明天", NULL
  };

  for (guint i = 0; wrong[i] != NULL; i++)
    assert_not_relative (wrong[i]);
}

/* NULL today is NETBOOK_TODAY when set: the tests and demos rely on it. */
static void
test_dates_today_from_environment (void)
{
  g_autoptr(NbCaptureLine) line = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("NETBOOK_TODAY", "2026-12-31", TRUE);
  g_assert_true (nb_date_parse_relative ("fri", NULL, &iso, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, "2027-01-01");

  line = nb_capture_parse_line ("Bob !mon", NULL);
  g_assert_cmpstr (line->followup_due, ==, "2027-01-04");
  g_unsetenv ("NETBOOK_TODAY");
}

/* ---- Matching ----------------------------------------------------------- */

typedef struct {
  NbStore *store;
  gint64   robert;
  gint64   maria;
  gint64   jane;
  gint64   zoe;
  gint64   tim;
} Known;

static gint64
add_known (NbStore    *store,
           const char *name,
           const char *given,
           const char *family,
           const char *company)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (person, NB_PERSON_GIVEN_NAME, given);
  nb_person_set_field (person, NB_PERSON_FAMILY_NAME, family);
  nb_person_set_field (person, NB_PERSON_COMPANY, company);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);

  return id;
}

static void
known_setup (Known         *known,
             gconstpointer  data)
{
  known->store = test_open_new_store ();
  known->robert = add_known (known->store, "Robert Haddad", "Robert", "Haddad", "Blue Harbor Insurance");
  known->maria = add_known (known->store, "Maria Rossi", NULL, NULL, "Bianchi Rossi Partners");
  known->jane = add_known (known->store, "Jane Doe", "Jane", "Doe", "Acme");
  known->zoe = add_known (known->store, "Zoë Ångström", NULL, NULL, "Salons Ångström");
  known->tim = add_known (known->store, "Tim Smith", NULL, NULL, NULL);
}

static void
known_teardown (Known         *known,
                gconstpointer  data)
{
  g_clear_object (&known->store);
}

static GPtrArray *
match (Known      *known,
       const char *name,
       const char *company)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *matches = nb_store_match_name (known->store, name, company, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matches);
  for (guint i = 0; i < matches->len; i++)
    {
      NbMatch *m = g_ptr_array_index (matches, i);

      g_test_message ("“%s” (%s) → %s: %u, %s", name, company != NULL ? company : "",
                      nb_person_get_display_name (m->person), m->score, m->reason);
      if (i > 0)
        g_assert_cmpuint (m->score, <=, ((NbMatch *) g_ptr_array_index (matches, i - 1))->score);
    }

  return matches;
}

/* The match to use, asserting it is @expected_id (0: none). */
static NbMatch *
assert_pick (GPtrArray *matches,
             gint64     expected_id)
{
  NbMatch *picked = nb_match_pick (matches);

  if (expected_id == 0)
    {
      g_assert_null (picked);
      return NULL;
    }

  g_assert_nonnull (picked);
  g_assert_cmpint (nb_person_get_id (picked->person), ==, expected_id);
  g_assert_true (nb_match_is_confident (picked));
  return picked;
}

static gboolean
has_confident (GPtrArray *matches,
               gint64     person_id)
{
  for (guint i = 0; i < matches->len; i++)
    {
      NbMatch *m = g_ptr_array_index (matches, i);

      if (nb_person_get_id (m->person) == person_id && nb_match_is_confident (m))
        return TRUE;
    }

  return FALSE;
}

static void
test_match_exact (Known         *known,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) lower = match (known, "maria rossi", NULL);
  g_autoptr(GPtrArray) accents = match (known, "MARÍA  RÓSSI", NULL);
  g_autoptr(GPtrArray) zoe = match (known, "zoe angstrom", NULL);
  g_autoptr(GPtrArray) formal = match (known, "robert haddad", "Blue Harbor");
  NbMatch *m;

  m = assert_pick (lower, known->maria);
  g_assert_cmpint (m->kind, ==, NB_MATCH_EXACT);
  m = assert_pick (accents, known->maria);
  g_assert_cmpint (m->kind, ==, NB_MATCH_EXACT);
  g_assert_cmpuint (m->score, ==, 90);
  assert_pick (zoe, known->zoe);
  /* The company agreeing ("Blue Harbor" starts "Blue Harbor Insurance"). */
  m = assert_pick (formal, known->robert);
  g_assert_cmpuint (m->score, ==, 100);
  g_assert_nonnull (strstr (m->reason, "same company"));
  /* The match comes with the card. */
  g_assert_cmpstr (nb_person_get_company (m->person), ==, "Blue Harbor Insurance");
}

static void
test_match_nickname (Known         *known,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) bob = match (known, "Bob Haddad", "Blue Harbor");
  g_autoptr(GPtrArray) bob_alone = match (known, "bob haddad", NULL);
  g_autoptr(GPtrArray) other_company = match (known, "Bob Haddad", "Acme Plumbing");
  g_autoptr(GPtrArray) first_only = match (known, "Bob", NULL);
  g_autoptr(GPtrArray) other_family = match (known, "Bob Hadley", NULL);
  NbMatch *m;

  m = assert_pick (bob, known->robert);
  g_assert_cmpint (m->kind, ==, NB_MATCH_NICKNAME);
  g_assert_cmpuint (m->score, ==, 85);
  g_assert_nonnull (strstr (m->reason, "Bob is short for Robert"));
  assert_pick (bob_alone, known->robert);

  /* Weaker: offered for "change", never suggested. */
  assert_pick (other_company, 0);
  g_assert_cmpuint (other_company->len, ==, 1);
  assert_pick (first_only, 0);
  g_assert_cmpuint (first_only->len, ==, 1);
  g_assert_cmpint (nb_person_get_id (((NbMatch *) g_ptr_array_index (first_only, 0))->person), ==, known->robert);
  assert_pick (other_family, 0);
  g_assert_false (has_confident (other_family, known->robert));

  g_assert_true (nb_match_nicknames ("bob", "robert"));
  g_assert_true (nb_match_nicknames ("rob", "bob"));
  g_assert_true (nb_match_nicknames ("liam", "william"));
  g_assert_true (nb_match_nicknames ("peggy", "margaret"));
  g_assert_true (nb_match_nicknames ("jack", "john"));
  g_assert_true (nb_match_nicknames ("ted", "edward"));
  g_assert_true (nb_match_nicknames ("ted", "theodore"));
  g_assert_true (nb_match_nicknames ("ted", "ed"));
  /* Nicknames of two different names do not chain. */
  g_assert_false (nb_match_nicknames ("edward", "theodore"));
  g_assert_false (nb_match_nicknames ("bob", "bill"));
  g_assert_false (nb_match_nicknames ("maria", "mario"));
}

static void
test_match_typo (Known         *known,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) swapped = match (known, "Marai Rossi", NULL);
  g_autoptr(GPtrArray) dropped = match (known, "Robert Hadad", NULL);
  g_autoptr(GPtrArray) two = match (known, "Robrt Hadad", NULL);
  g_autoptr(GPtrArray) two_company = match (known, "Robrt Hadad", "Blue Harbor");
  g_autoptr(GPtrArray) jhon = match (known, "Jnae Doe", NULL);
  NbMatch *m;

  m = assert_pick (swapped, known->maria);
  g_assert_cmpint (m->kind, ==, NB_MATCH_TYPO);
  assert_pick (dropped, known->robert);
  /* Two slips are an alternative unless the company agrees too. */
  assert_pick (two, 0);
  g_assert_cmpuint (two->len, ==, 1);
  assert_pick (two_company, known->robert);
  /* A swap is forgiven even in a short name. */
  assert_pick (jhon, known->jane);

  g_assert_cmpuint (nb_match_edit_distance ("marai", "maria", 2), ==, 1);
  g_assert_cmpuint (nb_match_edit_distance ("kitten", "sitting", 3), ==, 3);
  g_assert_cmpuint (nb_match_edit_distance ("kitten", "sitting", 2), ==, G_MAXUINT);
  g_assert_cmpuint (nb_match_edit_distance ("zoë", "zoe", 1), ==, 1);
  g_assert_cmpuint (nb_match_edit_distance ("", "", 0), ==, 0);
}

/* Near misses: other people, who must never be suggested. */
static void
test_match_near_misses (Known         *known,
                        gconstpointer  data)
{
  const char *misses[] = {
    "Mario Rossini",   /* one letter in the first name, two in the family name */
    "Maria Rossetti",  /* the same first name, another family */
    "Jane Dorsey",     /* the same first name, another family */
    "Jane Dow",        /* in three letters a change is another name */
    "June Doe",        /* four letters: only a swap is a typo */
    "Tom Smith",       /* Tim is not Tom */
    "Haddad Robert",   /* order matters */
    NULL
  };

  for (guint i = 0; misses[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) matches = match (known, misses[i], NULL);

      assert_pick (matches, 0);
      for (guint j = 0; j < matches->len; j++)
        g_assert_false (nb_match_is_confident (g_ptr_array_index (matches, j)));
    }
}

static void
test_match_ambiguous (Known         *known,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) by_company = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 baker;

  baker = add_known (known->store, "Maria Rossi", NULL, NULL, "Rossi Bakery");

  both = match (known, "Maria Rossi", NULL);
  g_assert_cmpuint (both->len, ==, 2);
  assert_pick (both, 0);
  by_company = match (known, "Maria Rossi", "Rossi Bakery");
  assert_pick (by_company, baker);

  empty = match (known, "  ", NULL);
  g_assert_cmpuint (empty->len, ==, 0);

  /* Deleted people are not known any more. */
  nb_store_delete_person (known->store, baker, &error);
  g_assert_no_error (error);
  deleted = match (known, "Maria Rossi", "Rossi Bakery");
  assert_pick (deleted, known->maria);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/capture/syntax/forms", test_syntax_forms);
  g_test_add_func ("/capture/syntax/note-text", test_syntax_note_text);
  g_test_add_func ("/capture/syntax/followup-text", test_syntax_followup_text);
  g_test_add_func ("/capture/syntax/non-latin", test_syntax_non_latin);
  g_test_add_func ("/capture/syntax/blank", test_syntax_blank);
  g_test_add_func ("/capture/syntax/wrong", test_syntax_wrong);
  g_test_add_func ("/capture/syntax/long-lines", test_syntax_long_lines);
  g_test_add_func ("/capture/syntax/parse-text", test_parse_text);
  g_test_add_func ("/capture/dates/forms", test_dates_forms);
  g_test_add_func ("/capture/dates/month-and-year-ends", test_dates_month_and_year_ends);
  g_test_add_func ("/capture/dates/wrong", test_dates_wrong);
  g_test_add_func ("/capture/dates/today-from-environment", test_dates_today_from_environment);
  g_test_add ("/capture/match/exact", Known, NULL, known_setup, test_match_exact, known_teardown);
  g_test_add ("/capture/match/nickname", Known, NULL, known_setup, test_match_nickname, known_teardown);
  g_test_add ("/capture/match/typo", Known, NULL, known_setup, test_match_typo, known_teardown);
  g_test_add ("/capture/match/near-misses", Known, NULL, known_setup, test_match_near_misses, known_teardown);
  g_test_add ("/capture/match/ambiguous", Known, NULL, known_setup, test_match_ambiguous, known_teardown);

  return g_test_run ();
}
