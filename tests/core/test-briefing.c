/* test-briefing.c: the pre-meeting summary, built from an in-memory
 * person and timeline, rendered as text and Markdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-briefing.h"
#include "nb-date.h"

#define TODAY "2024-06-15"
#define PERSON_ID 1

typedef struct {
  NbPerson  *person;
  NbPerson  *introducer;
  GPtrArray *entries;
  gint64     next_id;
} Fixture;

static NbEntry *
add (Fixture     *fixture,
     NbEntryKind  kind,
     const char  *date,
     const char  *text)
{
  NbEntry *entry = nb_entry_new (kind, PERSON_ID, date, text);

  nb_entry_set_id (entry, ++fixture->next_id);
  g_ptr_array_add (fixture->entries, entry);
  return entry;
}

static NbEntry *
add_promise (Fixture    *fixture,
             const char *due,
             const char *text)
{
  NbEntry *entry = add (fixture, NB_ENTRY_FOLLOW_UP, "2024-05-01", text);

  nb_entry_set_due (entry, due);
  return entry;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  NbEntry *entry;

  fixture->entries = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->person = nb_person_new ("Ada Lovelace");
  nb_person_set_id (fixture->person, PERSON_ID);
  nb_person_set_field (fixture->person, NB_PERSON_ROLE, "Analyst");
  nb_person_set_field (fixture->person, NB_PERSON_COMPANY, "Engines Ltd");
  nb_person_set_field (fixture->person, NB_PERSON_MET_DATE, "2024-05-02");
  nb_person_set_field (fixture->person, NB_PERSON_MET_WHERE, "the BNI breakfast");
  nb_person_set_field (fixture->person, NB_PERSON_TARGET_MARKET, "Engine builders in London");
  nb_person_set_field (fixture->person, NB_PERSON_INTERESTS, "Poetry and horses");
  nb_person_set_introduced_by (fixture->person, 2);

  fixture->introducer = nb_person_new ("Charles Babbage");
  nb_person_set_id (fixture->introducer, 2);

  add (fixture, NB_ENTRY_CONVERSATION, "2024-05-10", "Older chat");
  add (fixture, NB_ENTRY_CONVERSATION, "2024-05-25", "Talked about the analytical engine");
  add (fixture, NB_ENTRY_MEETING, "2024-06-20", "Coffee at the station");
  add (fixture, NB_ENTRY_MEETING, "2024-07-01", "Lunch");
  add (fixture, NB_ENTRY_DREAM, "2024-05-10", "A thinking machine");
  add (fixture, NB_ENTRY_CHALLENGE, "2024-05-10", "Funding the engine");
  add (fixture, NB_ENTRY_CHALLENGE, "2024-05-20", "Finding an engraver");
  entry = add (fixture, NB_ENTRY_CHALLENGE, "2024-05-21", "Old resolved worry");
  nb_entry_set_status (entry, NB_STATUS_RESOLVED);
  add (fixture, NB_ENTRY_NEED, "2024-05-25", "A patron");
  add_promise (fixture, "2024-07-01", "Send the article");
  add_promise (fixture, "2024-06-10", "Send the deck");
  add_promise (fixture, "2024-06-01", "Call Bob");
  entry = add_promise (fixture, "2024-05-01", "Already done");
  nb_entry_set_status (entry, NB_STATUS_DONE);
  add (fixture, NB_ENTRY_HELP_GIVEN, "2024-05-12", "Lent a book");
  add (fixture, NB_ENTRY_REFERRAL_RECEIVED, "2024-05-30", "Sent me a client");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->entries, g_ptr_array_unref);
  g_assert_finalize_object (fixture->introducer);
  g_assert_finalize_object (fixture->person);
}

static NbBriefing *
build (Fixture   *fixture,
       GPtrArray *helpers)
{
  return nb_briefing_new (fixture->person, fixture->entries, fixture->introducer, helpers, TODAY);
}

static const char *
text_of (GPtrArray *entries,
         guint      index)
{
  return nb_entry_get_text (g_ptr_array_index (entries, index));
}

/* Asserts that @needles appear in @haystack in this order. */
static void
assert_in_order (const char         *haystack,
                 const char * const *needles)
{
  const char *from = haystack;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (from, needles[i]);

      if (found == NULL)
        g_error ("“%s” missing or out of order in:\n%s", needles[i], haystack);
      from = found + strlen (needles[i]);
    }
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_getters (Fixture       *fixture,
              gconstpointer  data)
{
  NbBriefing *briefing = build (fixture, NULL);
  NbEntry *last;
  GPtrArray *challenges;
  GPtrArray *promises;
  GPtrArray *upcoming;

  g_assert_true (nb_briefing_get_person (briefing) == fixture->person);
  g_assert_true (nb_briefing_get_introducer (briefing) == fixture->introducer);
  g_assert_cmpstr (nb_briefing_get_today (briefing), ==, TODAY);
  g_assert_true (NB_IS_TRUST (nb_briefing_get_trust (briefing)));

  /* The newest one that happened, not the meeting next week. */
  last = nb_briefing_get_last_conversation (briefing);
  g_assert_nonnull (last);
  g_assert_cmpstr (nb_entry_get_text (last), ==, "Talked about the analytical engine");

  challenges = nb_briefing_get_open_items (briefing, NB_ENTRY_CHALLENGE);
  g_assert_cmpuint (challenges->len, ==, 2);
  g_assert_cmpstr (text_of (challenges, 0), ==, "Finding an engraver");
  g_assert_cmpstr (text_of (challenges, 1), ==, "Funding the engine");
  g_assert_cmpuint (nb_briefing_get_open_items (briefing, NB_ENTRY_DREAM)->len, ==, 1);
  g_assert_cmpuint (nb_briefing_get_open_items (briefing, NB_ENTRY_NEED)->len, ==, 1);
  g_assert_cmpuint (nb_briefing_get_open_items (briefing, NB_ENTRY_NOTE)->len, ==, 0);

  promises = nb_briefing_get_promises (briefing);
  g_assert_cmpuint (promises->len, ==, 3);
  g_assert_cmpstr (text_of (promises, 0), ==, "Call Bob");
  g_assert_cmpstr (text_of (promises, 1), ==, "Send the deck");
  g_assert_cmpstr (text_of (promises, 2), ==, "Send the article");

  upcoming = nb_briefing_get_upcoming_meetings (briefing);
  g_assert_cmpuint (upcoming->len, ==, 2);
  g_assert_cmpstr (text_of (upcoming, 0), ==, "Coffee at the station");
  g_assert_cmpstr (text_of (upcoming, 1), ==, "Lunch");

  g_assert_cmpuint (nb_briefing_get_given (briefing), ==, 1);
  g_assert_cmpuint (nb_briefing_get_received (briefing), ==, 1);
  g_assert_nonnull (nb_briefing_get_helpers (briefing));
  g_assert_cmpuint (nb_briefing_get_helpers (briefing)->len, ==, 0);

  g_assert_finalize_object (briefing);
}

static void
test_text_sections (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbBriefing) briefing = build (fixture, NULL);
  g_autofree char *text = nb_briefing_to_text (briefing);
  static const char * const sections[] = {
    "Ada Lovelace\n============\n",
    "\nWho\n",
    "Analyst at Engines Ltd",
    "Met on 2 May 2024 at the BNI breakfast",
    "Introduced by Charles Babbage",
    "\nWhere we stand\n",
    "Stage: Visibility",
    "Know ", "Like ", "Trust ",
    "\nLast time\n",
    "25 May 2024 (3 weeks ago), Conversation",
    "Talked about the analytical engine",
    "\nDreams, challenges and needs\n",
    "Dream: A thinking machine",
    "Challenge: Finding an engraver",
    "Challenge: Funding the engine",
    "Need: A patron",
    "\nI promised\n",
    "OVERDUE: Call Bob (due 1 June 2024)",
    "OVERDUE: Send the deck (due 10 June 2024)",
    "Send the article (due 1 July 2024)",
    "\nUpcoming meetings\n",
    "20 June 2024 (in 5 days): Coffee at the station",
    "1 July 2024 (in 2 weeks): Lunch",
    "\nGoodwill\n",
    "Given 1 · Received 1",
    "\nTheir ideal referral\n",
    "Engine builders in London",
    "\nCommon ground\n",
    "Poetry and horses",
    "\nQuestions to ask\n",
    "What do you like most about your work?",
    "\nWho could help\n",
    "Nobody in your network matches",
    "\nNext steps\n",
    "1. Follow up on the overdue promise “Call Bob”",
    "2. Follow up on the overdue promise “Send the deck”",
    NULL
  };

  assert_in_order (text, sections);

  /* Only the two late promises are marked; the done one is gone. */
  g_assert_cmpuint (count (text, "OVERDUE"), ==, 2);
  g_assert_null (strstr (text, "Already done"));
  g_assert_null (strstr (text, "Old resolved worry"));
  g_assert_null (strstr (text, "Older chat"));
}

static void
test_pitch_hint (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbBriefing) low = build (fixture, NULL);
  g_autoptr(NbBriefing) high = NULL;
  g_autofree char *low_text = nb_briefing_to_text (low);
  g_autofree char *low_md = nb_briefing_to_markdown (low);
  g_autofree char *high_text = NULL;
  g_autofree char *high_md = NULL;

  g_assert_false (nb_trust_get_pitch_ok (nb_briefing_get_trust (low)));
  g_assert_nonnull (strstr (low_text, "Listen, don’t pitch yet"));
  g_assert_nonnull (strstr (low_md, "Listen, don’t pitch yet"));

  /* Three 1-to-1s and four kept promises: trust 50 and more. */
  for (guint i = 0; i < 3; i++)
    add (fixture, NB_ENTRY_MEETING, "2024-06-01", "");
  for (guint i = 0; i < 4; i++)
    {
      NbEntry *entry = add_promise (fixture, "2024-06-01", "kept");

      nb_entry_set_status (entry, NB_STATUS_DONE);
    }
  for (guint i = 0; i < fixture->entries->len; i++)
    if (nb_entry_is_overdue (g_ptr_array_index (fixture->entries, i), TODAY))
      nb_entry_set_status (g_ptr_array_index (fixture->entries, i), NB_STATUS_DONE);

  high = build (fixture, NULL);
  high_text = nb_briefing_to_text (high);
  high_md = nb_briefing_to_markdown (high);
  g_assert_true (nb_trust_get_pitch_ok (nb_briefing_get_trust (high)));
  g_assert_null (strstr (high_text, "pitch yet"));
  g_assert_null (strstr (high_md, "pitch yet"));
  g_assert_null (strstr (high_text, "OVERDUE"));
}

static void
test_going_cold (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbBriefing) briefing = NULL;
  g_autofree char *text = NULL;

  nb_person_set_cadence_days (fixture->person, 14);
  briefing = build (fixture, NULL);
  text = nb_briefing_to_text (briefing);

  /* The last contact was the referral on 30 May. */
  g_assert_nonnull (strstr (text, "Going cold: no contact for 16 days"));
}

static void
test_helpers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) helpers = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_briefing_helper_free);
  g_autoptr(NbPerson) bob = nb_person_new ("Bob Smith");
  NbBriefing *briefing;
  g_autofree char *text = NULL;
  NbEntry *need = g_ptr_array_index (fixture->entries, 8);

  g_assert_cmpint (nb_entry_get_kind (need), ==, NB_ENTRY_NEED);
  g_ptr_array_add (helpers, nb_briefing_helper_new (bob, need, "knows patrons"));

  briefing = build (fixture, helpers);
  g_assert_true (nb_briefing_get_helpers (briefing) == helpers);

  text = nb_briefing_to_text (briefing);
  g_assert_nonnull (strstr (text, "Bob Smith (knows patrons), for their need “A patron”"));
  g_assert_null (strstr (text, "Nobody in your network"));

  /* The briefing holds its own reference on the array. */
  g_clear_pointer (&helpers, g_ptr_array_unref);
  g_assert_cmpuint (nb_briefing_get_helpers (briefing)->len, ==, 1);
  g_assert_finalize_object (briefing);
}

static void
test_entries_copied (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NbBriefing) briefing = build (fixture, NULL);
  g_autofree char *text = NULL;

  /* The caller may reuse its array. */
  g_ptr_array_set_size (fixture->entries, 0);
  text = nb_briefing_to_text (briefing);
  g_assert_nonnull (strstr (text, "Call Bob"));
}

static void
test_markdown_structure (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(NbBriefing) briefing = build (fixture, NULL);
  g_autofree char *md = nb_briefing_to_markdown (briefing);
  static const char * const structure[] = {
    "# Ada Lovelace\n",
    "\n## Who\n\n",
    "Analyst at Engines Ltd\\\n",
    "Introduced by Charles Babbage\n\n## Where we stand\n",
    "\n## Last time\n",
    "\n## Dreams, challenges and needs\n\n- Dream: A thinking machine",
    "\n## I promised\n\n- OVERDUE: Call Bob",
    "\n- OVERDUE: Send the deck",
    "\n- Send the article",
    "\n## Upcoming meetings\n",
    "\n## Goodwill\n",
    "\n## Their ideal referral\n",
    "\n## Common ground\n",
    "\n## Questions to ask\n\n- ",
    "\n## Who could help\n",
    "\n## Next steps\n\n1. Follow up",
    "\n2. Follow up",
    NULL
  };

  assert_in_order (md, structure);

  /* No paragraph ends in a dangling hard break. */
  g_assert_null (strstr (md, "\\\n\n"));
  g_assert_false (g_str_has_suffix (md, "\\\n"));
}

static void
test_markdown_escaping (void)
{
  g_autoptr(NbPerson) person = nb_person_new ("*Bob* _the_ [Builder] <b>&amp; #1");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NbBriefing) briefing = NULL;
  g_autofree char *md = NULL;
  g_autofree char *text = NULL;
  NbEntry *entry;

  nb_person_set_id (person, PERSON_ID);
  nb_person_set_field (person, NB_PERSON_TARGET_MARKET, "- not a list\n1. not numbered\n# not a heading");
  nb_person_set_field (person, NB_PERSON_INTERESTS, "`code` and ~~strike~~ | pipes \\ backslash");
  entry = nb_entry_new (NB_ENTRY_CHALLENGE, PERSON_ID, "2024-06-01", "[link](http://example.com)");
  g_ptr_array_add (entries, entry);

  briefing = nb_briefing_new (person, entries, NULL, NULL, TODAY);
  md = nb_briefing_to_markdown (briefing);
  text = nb_briefing_to_text (briefing);

  g_assert_nonnull (strstr (md, "# \\*Bob\\* \\_the\\_ \\[Builder\\] \\<b\\>\\&amp; \\#1\n"));
  g_assert_null (strstr (md, "*Bob*"));
  g_assert_nonnull (strstr (md, "\\- not a list\\\n  1\\. not numbered\\\n  \\# not a heading"));
  g_assert_nonnull (strstr (md, "\\`code\\` and \\~\\~strike\\~\\~ \\| pipes \\\\ backslash"));
  g_assert_nonnull (strstr (md, "\\[link\\](http://example.com)"));
  /* Escaped inside next steps too, which quote user text. */
  g_assert_nonnull (strstr (md, "challenge “\\[link\\]"));

  /* Plain text is for reading: user text as typed. */
  g_assert_nonnull (strstr (text, "*Bob* _the_ [Builder] <b>&amp; #1\n"));
  /* ...with its line breaks, indented to stay inside the section. */
  g_assert_nonnull (strstr (text, "\n  - not a list\n  1. not numbered\n  # not a heading\n"));
  g_assert_nonnull (strstr (text, "[link](http://example.com)"));
}

static void
test_empty_person (void)
{
  NbPerson *person = nb_person_new ("Nobody Yet");
  NbBriefing *briefing = nb_briefing_new (person, NULL, NULL, NULL, TODAY);
  g_autofree char *text = nb_briefing_to_text (briefing);
  g_autofree char *md = nb_briefing_to_markdown (briefing);
  static const char * const sections[] = {
    "Nobody Yet\n",
    "\nWho\n", "Nothing recorded yet",
    "\nWhere we stand\n", "Know 0 · Like 0 · Trust 0", "Listen, don’t pitch yet",
    "\nLast time\n", "No conversation or meeting recorded yet.",
    "\nDreams, challenges and needs\n", "None open",
    "\nI promised\n", "No open promises.",
    "\nUpcoming meetings\n", "No meeting scheduled.",
    "\nGoodwill\n", "Given 0 · Received 0", "help first",
    "\nTheir ideal referral\n", "Not known yet",
    "\nCommon ground\n", "Nothing recorded yet",
    "\nQuestions to ask\n", "Who is your ideal client",
    "\nWho could help\n", "No open challenge or need",
    "\nNext steps\n", "1. Ask them",
    NULL
  };

  g_assert_null (nb_briefing_get_last_conversation (briefing));
  assert_in_order (text, sections);
  g_assert_nonnull (strstr (md, "## Who could help\n\nNo open challenge or need"));

  g_assert_finalize_object (briefing);
  g_assert_finalize_object (person);
}

static void
test_today_default (void)
{
  g_autoptr(NbPerson) person = nb_person_new ("Ada");
  g_autoptr(NbBriefing) briefing = NULL;

  g_setenv ("NETBOOK_TODAY", "2025-01-02", TRUE);
  briefing = nb_briefing_new (person, NULL, NULL, NULL, NULL);
  g_unsetenv ("NETBOOK_TODAY");

  g_assert_cmpstr (nb_briefing_get_today (briefing), ==, "2025-01-02");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/briefing/getters", test_getters);
  ADD ("/briefing/text/sections", test_text_sections);
  ADD ("/briefing/pitch-hint", test_pitch_hint);
  ADD ("/briefing/going-cold", test_going_cold);
  ADD ("/briefing/helpers", test_helpers);
  ADD ("/briefing/entries-copied", test_entries_copied);
  ADD ("/briefing/markdown/structure", test_markdown_structure);
  g_test_add_func ("/briefing/markdown/escaping", test_markdown_escaping);
  g_test_add_func ("/briefing/empty-person", test_empty_person);
  g_test_add_func ("/briefing/today-default", test_today_default);

#undef ADD

  return g_test_run ();
}
