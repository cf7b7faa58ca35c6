/* test-types.c: the domain's enums and their stable strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-enum-types.h"
#include "nb-error.h"
#include "nb-types.h"

/* The database and netbook-cli's interface hold these strings: a test
 * that fails here means a compatibility break, not a typo fix. */
static const char * const kind_strings[NB_N_ENTRY_KINDS] = {
  "conversation", "meeting", "note", "dream", "challenge", "need",
  "help-given", "help-received", "referral-given", "referral-received",
  "introduction", "follow-up",
};

static void
test_entry_kind_strings (void)
{
  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    {
      NbEntryKind kind = NB_ENTRY_NOTE;

      g_assert_cmpstr (nb_entry_kind_to_string ((NbEntryKind) i), ==, kind_strings[i]);
      g_assert_true (nb_entry_kind_from_string (kind_strings[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }

  g_assert_false (nb_entry_kind_from_string ("Conversation", NULL));
  g_assert_false (nb_entry_kind_from_string ("help_given", NULL));
  g_assert_false (nb_entry_kind_from_string ("", NULL));
  g_assert_false (nb_entry_kind_from_string (NULL, NULL));
  /* out_kind is optional */
  g_assert_true (nb_entry_kind_from_string ("meeting", NULL));
}

static void
test_entry_kind_labels_icons (void)
{
  g_assert_cmpstr (nb_entry_kind_get_label (NB_ENTRY_HELP_GIVEN), ==, "Help given");
  g_assert_cmpstr (nb_entry_kind_get_label (NB_ENTRY_FOLLOW_UP), ==, "Follow-up");

  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    {
      const char *label = nb_entry_kind_get_label ((NbEntryKind) i);
      const char *icon = nb_entry_kind_get_icon_name ((NbEntryKind) i);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_true (g_str_has_suffix (icon, "-symbolic"));

      /* Labels must tell the kinds apart in a menu. */
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (label, !=, nb_entry_kind_get_label ((NbEntryKind) j));
    }
}

static void
test_entry_kind_status (void)
{
  for (guint i = 0; i < NB_N_ENTRY_KINDS; i++)
    {
      NbEntryKind kind = (NbEntryKind) i;
      gboolean has = kind == NB_ENTRY_DREAM || kind == NB_ENTRY_CHALLENGE ||
                     kind == NB_ENTRY_NEED || kind == NB_ENTRY_FOLLOW_UP;

      g_assert_cmpint (nb_entry_kind_has_status (kind), ==, has);
      g_assert_cmpint (nb_entry_kind_accepts_status (kind, NB_STATUS_NONE), ==, !has);
      g_assert_cmpint (nb_entry_kind_accepts_status (kind, NB_STATUS_OPEN), ==, has);
    }

  g_assert_true (nb_entry_kind_accepts_status (NB_ENTRY_FOLLOW_UP, NB_STATUS_DONE));
  g_assert_false (nb_entry_kind_accepts_status (NB_ENTRY_FOLLOW_UP, NB_STATUS_HELPED));
  g_assert_false (nb_entry_kind_accepts_status (NB_ENTRY_FOLLOW_UP, NB_STATUS_ACHIEVED));

  for (guint i = 0; i < 3; i++)
    {
      NbEntryKind kind = (NbEntryKind[]) { NB_ENTRY_DREAM, NB_ENTRY_CHALLENGE, NB_ENTRY_NEED }[i];

      g_assert_true (nb_entry_kind_accepts_status (kind, NB_STATUS_HELPED));
      g_assert_true (nb_entry_kind_accepts_status (kind, NB_STATUS_ACHIEVED));
      g_assert_true (nb_entry_kind_accepts_status (kind, NB_STATUS_RESOLVED));
      g_assert_false (nb_entry_kind_accepts_status (kind, NB_STATUS_DONE));
    }

  g_assert_false (nb_entry_kind_accepts_status (NB_ENTRY_NOTE, NB_STATUS_DONE));
  g_assert_false (nb_entry_kind_accepts_status (NB_ENTRY_NOTE, (NbStatus) 42));
}

static void
test_status_strings (void)
{
  static const char * const strings[NB_N_STATUSES] = {
    "", "open", "helped", "achieved", "resolved", "done",
  };

  for (guint i = 0; i < NB_N_STATUSES; i++)
    {
      NbStatus status = NB_STATUS_DONE;

      g_assert_cmpstr (nb_status_to_string ((NbStatus) i), ==, strings[i]);
      g_assert_true (nb_status_from_string (strings[i], &status));
      g_assert_cmpint (status, ==, i);
    }

  g_assert_false (nb_status_from_string ("Open", NULL));
  g_assert_false (nb_status_from_string ("closed", NULL));
  g_assert_false (nb_status_from_string (NULL, NULL));

  g_assert_cmpstr (nb_status_get_label (NB_STATUS_NONE), ==, "");
  g_assert_cmpstr (nb_status_get_label (NB_STATUS_OPEN), ==, "Open");
  g_assert_cmpstr (nb_status_get_label (NB_STATUS_ACHIEVED), ==, "Achieved");
}

static void
test_stage_strings (void)
{
  g_assert_cmpstr (nb_stage_to_string (NB_STAGE_VISIBILITY), ==, "visibility");
  g_assert_cmpstr (nb_stage_to_string (NB_STAGE_CREDIBILITY), ==, "credibility");
  g_assert_cmpstr (nb_stage_to_string (NB_STAGE_PROFITABILITY), ==, "profitability");

  g_assert_cmpstr (nb_stage_get_label (NB_STAGE_VISIBILITY), ==, "Visibility");
  g_assert_cmpstr (nb_stage_get_label (NB_STAGE_CREDIBILITY), ==, "Credibility");
  g_assert_cmpstr (nb_stage_get_label (NB_STAGE_PROFITABILITY), ==, "Profitability");

  g_assert_cmpstr (nb_stage_get_short_label (NB_STAGE_VISIBILITY), ==, "VIS");
  g_assert_cmpstr (nb_stage_get_short_label (NB_STAGE_CREDIBILITY), ==, "CRED");
  g_assert_cmpstr (nb_stage_get_short_label (NB_STAGE_PROFITABILITY), ==, "PROF");
}

static void
test_error_quark (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (NB_STORE_ERROR, ==, g_quark_from_string ("nb-store-error-quark"));

  g_set_error_literal (&error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID, "x");
  g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
}

static void
test_enum_types (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (NB_TYPE_ENTRY_KIND);
  g_autoptr(GEnumClass) stages = g_type_class_ref (NB_TYPE_STAGE);
  GEnumValue *value;

  g_assert_true (G_TYPE_IS_ENUM (NB_TYPE_STATUS));
  g_assert_true (G_TYPE_IS_ENUM (NB_TYPE_CHANGE));
  g_assert_true (G_TYPE_IS_ENUM (NB_TYPE_DIMENSION));
  g_assert_true (G_TYPE_IS_ENUM (NB_TYPE_QUESTION));

  g_assert_cmpuint (kinds->n_values, ==, NB_N_ENTRY_KINDS);
  value = g_enum_get_value (kinds, NB_ENTRY_FOLLOW_UP);
  g_assert_nonnull (value);
  g_assert_cmpstr (value->value_nick, ==, "follow-up");

  value = g_enum_get_value (stages, NB_STAGE_CREDIBILITY);
  g_assert_cmpstr (value->value_nick, ==, "credibility");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/entry-kind/strings", test_entry_kind_strings);
  g_test_add_func ("/types/entry-kind/labels-icons", test_entry_kind_labels_icons);
  g_test_add_func ("/types/entry-kind/status", test_entry_kind_status);
  g_test_add_func ("/types/status/strings", test_status_strings);
  g_test_add_func ("/types/stage/strings", test_stage_strings);
  g_test_add_func ("/types/error-quark", test_error_quark);
  g_test_add_func ("/types/enum-types", test_enum_types);

  return g_test_run ();
}
