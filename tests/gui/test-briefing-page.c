/* test-briefing-page.c: the pre-meeting briefing: every section on the
 * page, the trust hint, links to helpers and the introducer, hostile
 * names, print to PDF, Markdown export, and the ways in from the window
 * (search + Enter, Ctrl+B) and from the command line (--brief).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-briefing-page.h"
#include "nb-briefing-print.h"
#include "nb-date.h"
#include "nb-gui-test.h"
#include "nb-window.h"

#define HOSTILE_NAME "<b>Bob</b> & \"Sons\""

typedef struct {
  NbStore   *store;
  char      *path;
  GSettings *settings;
  gint64     maria;
  gint64     tom;
  gint64     priya;
  gint64     zoe;
  gint64     bob;
} Fixture;

static gint64
add_person (NbStore    *store,
            const char *name,
            const char *role,
            const char *company,
            const char *offers)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  nb_person_set_field (person, NB_PERSON_ROLE, role);
  nb_person_set_field (person, NB_PERSON_COMPANY, company);
  nb_person_set_field (person, NB_PERSON_OFFERS, offers);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
set_fields (NbStore *store,
            gint64   id,
            ...)
{
  g_autoptr(NbPerson) person = nb_store_get_person (store, id, NULL);
  g_autoptr(GError) error = NULL;
  va_list args;
  int field;

  va_start (args, id);
  while ((field = va_arg (args, int)) >= 0)
    nb_person_set_field (person, (NbPersonField) field, va_arg (args, const char *));
  va_end (args);

  g_assert_true (nb_store_update_person (store, person, &error));
  g_assert_no_error (error);
}

static gint64
add_entry (NbStore     *store,
           gint64       person_id,
           NbEntryKind  kind,
           const char  *date,
           const char  *due,
           const char  *text)
{
  g_autoptr(NbEntry) entry = nb_entry_new (kind, person_id, date, text);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (due != NULL)
    nb_entry_set_due (entry, due);
  id = nb_store_add_entry (store, entry, &error);
  g_assert_no_error (error);

  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n_fixtures;
  g_autoptr(NbPerson) maria = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("briefing-%u.db", n_fixtures++);

  f->path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), name, NULL);
  f->store = nb_gui_test_open_store (name);

  f->tom = add_person (f->store, "Tom O'Brien", "Sales", "O'Brien Roofing", "");
  f->priya = add_person (f->store, "Priya Raghunathan", "Bookkeeper", "Spa Olivia",
                         "Bookkeeping for small studios");
  f->zoe = add_person (f->store, "Zoë Ångström", "Founder", "Salons Visby", "");
  f->bob = add_person (f->store, HOSTILE_NAME, "Owner", "<i>Acme</i> & Co",
                       "Introductions to restaurant clients");
  f->maria = add_person (f->store, "Maria Rossi", "Graphic designer", "Bianchi Rossi Partners", "");

  maria = nb_store_get_person (f->store, f->maria, NULL);
  nb_person_set_field (maria, NB_PERSON_MET_DATE, "2024-05-02");
  nb_person_set_field (maria, NB_PERSON_MET_WHERE, "Chamber breakfast");
  nb_person_set_field (maria, NB_PERSON_TARGET_MARKET, "Restaurants opening a second site");
  nb_person_set_field (maria, NB_PERSON_INTERESTS, "Sailing & Italian cooking");
  nb_person_set_introduced_by (maria, f->tom);
  g_assert_true (nb_store_update_person (f->store, maria, &error));
  g_assert_no_error (error);

  add_entry (f->store, f->maria, NB_ENTRY_CONVERSATION, "2026-10-01", NULL, "First coffee");
  add_entry (f->store, f->maria, NB_ENTRY_CONVERSATION, "2026-11-02", NULL,
             "Coffee at the chamber breakfast: she is moving to a bigger studio");
  add_entry (f->store, f->maria, NB_ENTRY_DREAM, "2026-11-02", NULL, "A studio in Lisbon");
  add_entry (f->store, f->maria, NB_ENTRY_CHALLENGE, "2026-11-02", NULL, "Finding restaurant clients");
  add_entry (f->store, f->maria, NB_ENTRY_NEED, "2026-11-02", NULL, "A bookkeeper");
  /* The future promise is added first: the overdue one must still lead. */
  add_entry (f->store, f->maria, NB_ENTRY_FOLLOW_UP, "2026-11-02", "2026-12-01", "Book the follow-up lunch");
  add_entry (f->store, f->maria, NB_ENTRY_FOLLOW_UP, "2026-11-02", "2026-11-10", "Send the printer contact");
  add_entry (f->store, f->maria, NB_ENTRY_HELP_GIVEN, "2026-10-05", NULL, "Reviewed her rates");
  add_entry (f->store, f->maria, NB_ENTRY_REFERRAL_GIVEN, "2026-10-06", NULL, "Sent her to Da Enzo");
  add_entry (f->store, f->maria, NB_ENTRY_REFERRAL_RECEIVED, "2026-10-20", NULL, "She sent me a client");
  add_entry (f->store, f->maria, NB_ENTRY_MEETING, "2026-12-03", NULL, "Lunch at Da Enzo");

  /* Zoë: known for years, met often, helped: trust is high. */
  set_fields (f->store, f->zoe, NB_PERSON_MET_DATE, "2023-01-10", -1);
  add_entry (f->store, f->zoe, NB_ENTRY_MEETING, "2026-06-01", NULL, "Lunch");
  add_entry (f->store, f->zoe, NB_ENTRY_MEETING, "2026-08-01", NULL, "Lunch");
  add_entry (f->store, f->zoe, NB_ENTRY_MEETING, "2026-10-01", NULL, "Lunch");
  add_entry (f->store, f->zoe, NB_ENTRY_HELP_GIVEN, "2026-10-02", NULL, "Logo feedback");
  add_entry (f->store, f->zoe, NB_ENTRY_HELP_RECEIVED, "2026-10-03", NULL, "A lead");

  f->settings = g_settings_new (APP_ID);
  g_settings_set_int (f->settings, "window-width", 1024);
  g_settings_set_int (f->settings, "window-height", 768);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

/* ---- Helpers ------------------------------------------------------- */

static GtkWidget *
new_page_window (Fixture *f,
                 gint64   person_id)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = nb_briefing_page_new (f->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  adw_window_set_content (ADW_WINDOW (window), page);
  nb_briefing_page_set_person_id (NB_BRIEFING_PAGE (page), person_id);
  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (window);

  return page;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The visible labels' texts in reading order. */
static GPtrArray *
visible_texts (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new ();

  collect_labels (root, texts);
  return texts;
}

static int
text_index (GPtrArray  *texts,
            const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return (int) i;

  return -1;
}

static void
assert_shown (GtkWidget  *root,
              const char *text)
{
  GtkWidget *label = nb_gui_test_find_label (root, text);

  if (label == NULL || !gtk_widget_is_visible (label))
    {
      g_autoptr(GPtrArray) texts = visible_texts (root);

      for (guint i = 0; i < texts->len; i++)
        g_test_message ("shown: “%s”", (const char *) g_ptr_array_index (texts, i));
      g_error ("“%s” is not shown", text);
    }
  /* Text from the notebook is never markup. */
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
}


static GtkWidget *
find_button_with_action (GtkWidget  *root,
                         const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static NbWindow *
new_window (Fixture *f)
{
  NbWindow *window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), f->settings, f->store);

  gtk_window_present (GTK_WINDOW (window));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  return window;
}

static void
on_open_person_cb (NbBriefingPage *page,
                   gint64          person_id,
                   gint64         *out)
{
  *out = person_id;
}

static void
on_toast_cb (NbBriefingPage  *page,
             AdwToast        *toast,
             AdwToast       **out)
{
  g_set_object (out, toast);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!nb_briefing_page_write_markdown_finish (NB_BRIEFING_PAGE (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (object, "written", GINT_TO_POINTER (TRUE));
}

/* ---- Tests: the page ------------------------------------------------- */

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *page = new_page_window (f, f->maria);
  NbBriefing *briefing = nb_briefing_page_get_briefing (NB_BRIEFING_PAGE (page));
  NbTrust *trust = nb_briefing_get_trust (briefing);
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *today = nb_date_format_long ("2026-11-23");
  g_autofree char *met_date = nb_date_format_long ("2024-05-02");
  g_autofree char *last_date = nb_date_format_long ("2026-11-02");
  g_autofree char *overdue_date = nb_date_format_long ("2026-11-10");
  g_autofree char *due_date = nb_date_format_long ("2026-12-01");
  g_autofree char *kicker = g_strdup_printf ("Briefing · %s", today);
  g_autofree char *met = g_strdup_printf ("Met on %s at Chamber breakfast", met_date);
  g_autofree char *last = g_strdup_printf ("%s (3 weeks ago), Conversation", last_date);
  g_autofree char *stage = g_strdup_printf ("Stage: %s", nb_stage_get_label (nb_trust_get_stage (trust)));
  g_autofree char *overdue = g_strdup_printf ("Overdue · due %s (13 days ago)", overdue_date);
  g_autofree char *due = g_strdup_printf ("Due %s (in 8 days)", due_date);
  const char * const *steps = nb_trust_get_next_steps (trust);
  GtkWidget *avatar;
  int goodwill;

  g_assert_nonnull (briefing);
  g_assert_cmpint (nb_briefing_page_get_person_id (NB_BRIEFING_PAGE (page)), ==, f->maria);

  /* Who: the avatar, hidden until there is a person, with initials. */
  avatar = nb_gui_test_find (page, ADW_TYPE_AVATAR);
  g_assert_nonnull (avatar);
  g_assert_true (gtk_widget_get_mapped (avatar));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (avatar)), ==, "M R");
  assert_shown (page, "Maria Rossi");
  assert_shown (page, kicker);
  assert_shown (page, "Graphic designer at Bianchi Rossi Partners");
  assert_shown (page, met);
  assert_shown (page, "Introduced by");
  assert_shown (page, "Tom O'Brien");
  /* Where we stand: an overdue promise keeps trust low. */
  assert_shown (page, stage);
  g_assert_false (nb_trust_get_pitch_ok (trust));
  assert_shown (page, "Listen, don’t pitch yet");
  /* Last time: the newest conversation, how long ago. */
  assert_shown (page, last);
  assert_shown (page, "Coffee at the chamber breakfast: she is moving to a bigger studio");
  g_assert_null (nb_gui_test_find_label (page, "First coffee"));
  /* Open dreams, challenges, needs */
  assert_shown (page, "A studio in Lisbon");
  assert_shown (page, "Finding restaurant clients");
  assert_shown (page, "A bookkeeper");
  /* I promised: overdue first, in the error colour. */
  assert_shown (page, "Send the printer contact");
  assert_shown (page, "Book the follow-up lunch");
  assert_shown (page, overdue);
  assert_shown (page, due);
  g_assert_true (gtk_widget_has_css_class (nb_gui_test_find_label (page, overdue), "error"));
  g_assert_false (gtk_widget_has_css_class (nb_gui_test_find_label (page, due), "error"));
  texts = visible_texts (page);
  g_assert_cmpint (text_index (texts, "Send the printer contact"), <, text_index (texts, "Book the follow-up lunch"));
  /* Upcoming meetings */
  assert_shown (page, "Lunch at Da Enzo");
  /* Goodwill: help and a referral given, a referral received. */
  goodwill = text_index (texts, "Goodwill");
  g_assert_cmpint (goodwill, >=, 0);
  g_assert_cmpstr (g_ptr_array_index (texts, goodwill + 1), ==, "2");
  g_assert_cmpstr (g_ptr_array_index (texts, goodwill + 2), ==, "Given");
  g_assert_cmpstr (g_ptr_array_index (texts, goodwill + 3), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (texts, goodwill + 4), ==, "Received");
  g_assert_cmpint (text_index (texts, "You have not helped them yet: look for a way to help first."), ==, -1);
  /* Their ideal referral, common ground (an ampersand stays one). */
  assert_shown (page, "Restaurants opening a second site");
  assert_shown (page, "Sailing & Italian cooking");
  /* Questions to ask: only the unanswered ones. */
  assert_shown (page, nb_question_get_text (NB_QUESTION_WORK_LIKES));
  assert_shown (page, nb_question_get_text (NB_QUESTION_CAREER_ORIGIN));
  g_assert_cmpint (text_index (texts, nb_question_get_text (NB_QUESTION_TARGET_MARKET)), ==, -1);
  /* Who could help: Priya for the bookkeeper, Bob for restaurant clients. */
  assert_shown (page, "Priya Raghunathan");
  assert_shown (page, HOSTILE_NAME);
  /* Next steps, numbered. */
  g_assert_nonnull (steps[0]);
  assert_shown (page, steps[0]);
  assert_shown (page, "1.");

  /* The sections come in the order of the sketch. */
  {
    const char *order[] = { "Who", "Where we stand", "Last time", "Dreams, challenges and needs",
                            "I promised", "Upcoming meetings", "Goodwill", "Their ideal referral",
                            "Common ground", "Questions to ask", "Who could help", "Next steps" };

    for (guint i = 1; i < G_N_ELEMENTS (order); i++)
      g_assert_cmpint (text_index (texts, order[i - 1]), <, text_index (texts, order[i]));
  }

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_hint_and_refresh (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *page = new_page_window (f, f->zoe);
  NbBriefing *briefing = nb_briefing_page_get_briefing (NB_BRIEFING_PAGE (page));
  GtkWidget *hint = nb_gui_test_find_label (page, "Listen, don’t pitch yet");

  /* Trust is high: no hint. */
  g_assert_true (nb_trust_get_pitch_ok (nb_briefing_get_trust (briefing)));
  g_assert_nonnull (hint);
  g_assert_false (gtk_widget_is_visible (hint));
  assert_shown (page, "No open promises.");

  /* Low trust: the hint. */
  nb_briefing_page_set_person_id (NB_BRIEFING_PAGE (page), f->maria);
  g_assert_true (gtk_widget_is_visible (hint));

  /* A promise added elsewhere shows up, on the page and in its briefing. */
  add_entry (f->store, f->maria, NB_ENTRY_FOLLOW_UP, "2026-11-23", "2026-11-30", "Send the Lisbon contacts");
  nb_gui_test_spin (50);
  assert_shown (page, "Send the Lisbon contacts");
  g_assert_cmpuint (nb_briefing_get_promises (nb_briefing_page_get_briefing (NB_BRIEFING_PAGE (page)))->len, ==, 3);

  /* A new helper appears when someone starts to offer what they need. */
  set_fields (f->store, f->tom, NB_PERSON_OFFERS, "Studio space in Lisbon", -1);
  nb_gui_test_spin (50);
  g_assert_nonnull (nb_briefing_page_get_briefing (NB_BRIEFING_PAGE (page)));

  /* Nobody: a quiet empty page. */
  nb_briefing_page_set_person_id (NB_BRIEFING_PAGE (page), 0);
  g_assert_null (nb_briefing_page_get_briefing (NB_BRIEFING_PAGE (page)));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *page = new_page_window (f, f->maria);
  GtkWidget *label;
  GtkWidget *row;
  gint64 opened = 0;

  g_signal_connect (page, "open-person", G_CALLBACK (on_open_person_cb), &opened);

  /* A helper's row opens them. */
  label = nb_gui_test_find_label (page, "Priya Raghunathan");
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpint (opened, ==, f->priya);

  /* So does the hostile one, by id, not by name. */
  label = nb_gui_test_find_label (page, HOSTILE_NAME);
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  gtk_widget_activate (row);
  g_assert_cmpint (opened, ==, f->bob);

  /* And the introducer's link. */
  label = nb_gui_test_find_label (page, "Tom O'Brien");
  g_signal_emit_by_name (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpint (opened, ==, f->tom);

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static void
test_hostile_person (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = new_page_window (f, f->bob);
  g_autofree char *suggested = NULL;

  assert_shown (page, HOSTILE_NAME);
  assert_shown (page, "Owner at <i>Acme</i> & Co");
  suggested = nb_briefing_page_dup_suggested_name (NB_BRIEFING_PAGE (page), ".md");
  /* No folders sneak into the file name. */
  g_assert_cmpstr (suggested, ==, "<b>Bob<-b> & \"Sons\" – briefing.md");
  nb_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (page)), "briefing-hostile");

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;

  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
assert_pdf (const char *path,
            const char *expected)
{
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_message ("pdftotext is not installed: only the PDF header was checked");
      return;
    }
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, expected));
}

static void
test_print_pdf (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(NbBriefing) maria = nb_store_build_briefing (f->store, f->maria, NULL, NULL);
  g_autoptr(NbBriefing) bob = nb_store_build_briefing (f->store, f->bob, NULL, NULL);
  g_autofree char *path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), "maria.pdf", NULL);
  g_autofree char *bob_path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), "bob.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (nb_briefing_export_pdf (maria, path, &error));
  g_assert_no_error (error);
  assert_pdf (path, "Maria Rossi");
  text = pdf_text (path);
  if (text != NULL)
    {
      /* Every section made it to paper, overdue first. */
      g_assert_nonnull (strstr (text, "I promised"));
      g_assert_nonnull (strstr (text, "Next steps"));
      g_assert_true (strstr (text, "Send the printer contact") < strstr (text, "Book the follow-up lunch"));
    }

  /* Markup in a name is printed, not obeyed. */
  g_assert_true (nb_briefing_export_pdf (bob, bob_path, &error));
  g_assert_no_error (error);
  assert_pdf (bob_path, "<b>Bob</b> & \"Sons\"");

  /* Kept beside the screenshots, to look at. */
  {
    g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
    g_autofree char *copy = g_build_filename (dir, "briefing-maria.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  }
}

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *page = new_page_window (f, f->maria);
  NbBriefing *briefing = nb_briefing_page_get_briefing (NB_BRIEFING_PAGE (page));
  g_autofree char *path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), "maria.md", NULL);
  g_autofree char *suggested = nb_briefing_page_dup_suggested_name (NB_BRIEFING_PAGE (page), ".md");
  g_autofree char *expected = nb_briefing_to_markdown (briefing);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  g_assert_cmpstr (suggested, ==, "Maria Rossi – briefing.md");

  nb_briefing_page_write_markdown_async (NB_BRIEFING_PAGE (page), file, NULL, on_written_cb, &error);
  while (g_object_get_data (G_OBJECT (page), "written") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  /* As private as the notebook. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* What the export dialog does once a file is picked: write, then say so. */
  g_signal_connect (page, "toast", G_CALLBACK (on_toast_cb), &toast);
  g_remove (path);
  nb_briefing_page_save_markdown (NB_BRIEFING_PAGE (page), file);
  while (toast == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Briefing saved as “maria.md”");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A folder that does not exist: an error that stays, escaped. */
  g_clear_object (&toast);
  nowhere = g_file_new_for_path ("/nonexistent-netbook-folder/<b>x</b>.md");
  nb_briefing_page_save_markdown (NB_BRIEFING_PAGE (page), nowhere);
  while (toast == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (toast), "Could not save the briefing: "));
  g_assert_null (strstr (adw_toast_get_title (toast), "<b>"));
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

/* ---- Tests: the window ---------------------------------------------- */

static void
test_search_enter_opens_briefing (Fixture       *f,
                                  gconstpointer  data)
{
  NbWindow *window = new_window (f);
  GtkWidget *entry = nb_gui_test_find (nb_gui_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR),
                                       GTK_TYPE_SEARCH_ENTRY);

  /* Launch, type "mar", Enter: the briefing. */
  g_assert_cmpstr (nb_window_get_view (window), ==, "agenda");
  nb_window_search (window, "mar");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (nb_window_get_view (window), ==, "briefing");
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->maria);
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  assert_shown (GTK_WIDGET (window), "Send the printer contact");

  /* The header offers Print, Export and Edit, not Brief. */
  g_assert_true (gtk_widget_is_visible (find_button_with_action (GTK_WIDGET (window), "win.print-briefing")));
  g_assert_true (gtk_widget_is_visible (find_button_with_action (GTK_WIDGET (window), "win.export-briefing")));
  g_assert_true (gtk_widget_is_visible (find_button_with_action (GTK_WIDGET (window), "win.edit-person")));
  g_assert_false (gtk_widget_is_visible (find_button_with_action (GTK_WIDGET (window), "win.show-briefing")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_ctrl_b (Fixture       *f,
             gconstpointer  data)
{
  NbWindow *window = new_window (f);

  /* Nobody shown: nothing to brief. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefing", NULL) &&
                  g_strcmp0 (nb_window_get_view (window), "briefing") == 0);

  nb_window_show_person (window, f->zoe);
  g_assert_cmpstr (nb_window_get_view (window), ==, "person");
  g_assert_true (gtk_widget_is_visible (find_button_with_action (GTK_WIDGET (window), "win.show-briefing")));
  g_assert_false (gtk_widget_is_visible (find_button_with_action (GTK_WIDGET (window), "win.print-briefing")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefing", NULL));
  g_assert_cmpstr (nb_window_get_view (window), ==, "briefing");
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->zoe);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Zoë Ångström – Netbook");

  /* Edit goes back to their page; so does Back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-person", NULL));
  g_assert_cmpstr (nb_window_get_view (window), ==, "person");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefing", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_cmpstr (nb_window_get_view (window), ==, "person");
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->zoe);

  /* A helper's link in the briefing opens their page. */
  nb_window_show_briefing (window, f->maria);
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  gtk_widget_activate (gtk_widget_get_ancestor (nb_gui_test_find_label (nb_gui_test_find (GTK_WIDGET (window), NB_TYPE_BRIEFING_PAGE),
                                                                         "Priya Raghunathan"),
                                                ADW_TYPE_ACTION_ROW));
  g_assert_cmpstr (nb_window_get_view (window), ==, "person");
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->priya);

  /* A person deleted while their briefing is shown: back to the agenda. */
  nb_window_show_briefing (window, f->zoe);
  g_assert_true (nb_store_delete_person (f->store, f->zoe, NULL));
  g_assert_cmpstr (nb_window_get_view (window), ==, "agenda");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_brief_by_name (Fixture       *f,
                    gconstpointer  data)
{
  NbWindow *window = new_window (f);
  GtkWidget *entry = nb_gui_test_find (nb_gui_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR),
                                       GTK_TYPE_SEARCH_ENTRY);

  g_assert_true (nb_window_brief (window, "maria rossi"));
  g_assert_cmpstr (nb_window_get_view (window), ==, "briefing");
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->maria);

  g_assert_true (nb_window_brief (window, "zoe"));
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->zoe);

  /* Unknown: the search, filled in, for the user to pick. */
  g_assert_false (nb_window_brief (window, "Nobody Atall"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Nobody Atall");

  /* Ambiguous: the candidates, and Enter opens the first one's briefing. */
  add_person (f->store, "Maria Bianchi", "Chef", "Trattoria Bianchi", "");
  g_assert_false (nb_window_brief (window, "maria"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "maria");
  g_assert_cmpuint (g_list_model_get_n_items (nb_window_get_visible_people (window)), >=, 2);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (nb_window_get_view (window), ==, "briefing");

  gtk_window_destroy (GTK_WINDOW (window));
}

static NbWindow *
app_window (void)
{
  GtkApplication *app = GTK_APPLICATION (nb_gui_test_get_app ());

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (NB_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static int
handle_options (const char *brief,
                gboolean    capture)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  int status = 0;

  if (brief != NULL)
    g_variant_dict_insert (options, "brief", "s", brief);
  if (capture)
    g_variant_dict_insert (options, "capture", "b", TRUE);

  g_signal_emit_by_name (nb_gui_test_get_app (), "handle-local-options", options, &status);
  return status;
}

static void
test_brief_option (Fixture       *f,
                   gconstpointer  data)
{
  GApplication *app = nb_gui_test_get_app ();
  NbWindow *window;
  NbStore *store;

  g_assert_null (app_window ());
  g_setenv ("NETBOOK_DB", f->path, TRUE);

  /* No option: the usual start, no window yet. */
  g_assert_cmpint (handle_options (NULL, FALSE), ==, -1);
  g_assert_null (app_window ());

  /* `netbook --brief "Maria Rossi"`: the window opens on her briefing.
   * The primary instance then goes on into its main loop (-1). */
  g_assert_cmpint (handle_options ("Maria Rossi", FALSE), ==, -1);
  window = app_window ();
  g_assert_nonnull (window);
  store = nb_window_get_store (window);
  g_assert_cmpstr (nb_store_get_path (store), ==, f->path);
  g_assert_cmpstr (nb_window_get_view (window), ==, "briefing");
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->maria);

  /* A second `netbook --brief tom` reaches the same window: GApplication
   * forwards app actions from a second instance to this one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "brief", g_variant_new_string ("tom"));
  g_assert_true (app_window () == window);
  g_assert_cmpint (nb_window_get_person_id (window), ==, f->tom);

  /* --capture without a capture page only brings the window forward. */
  g_assert_cmpint (handle_options (NULL, TRUE), ==, -1);
  g_assert_true (app_window () == window);

  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("NETBOOK_DB");
}

static void
render_briefing (Fixture    *f,
                 const char *name,
                 int         width,
                 int         height,
                 gboolean    dark,
                 gint64      person_id)
{
  g_autoptr(GdkTexture) texture = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  NbWindow *window;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_int (f->settings, "window-width", width);
  g_settings_set_int (f->settings, "window-height", height);
  window = new_window (f);
  nb_window_show_briefing (window, person_id);
  nb_gui_test_spin (300);
  nb_gui_test_wait_drawn (GTK_WIDGET (window));

  texture = nb_gui_test_screenshot (GTK_WIDGET (window), name);
  if (dark)
    g_assert_cmpfloat (nb_gui_test_luminance (texture), <, 0.4);
  else
    g_assert_cmpfloat (nb_gui_test_luminance (texture), >, 0.6);

  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  render_briefing (f, "briefing-1024x768-light", 1024, 768, FALSE, f->maria);
  render_briefing (f, "briefing-1024x768-dark", 1024, 768, TRUE, f->maria);
  render_briefing (f, "briefing-360x640-light", 360, 640, FALSE, f->maria);
  render_briefing (f, "briefing-360x640-dark", 360, 640, TRUE, f->maria);
  /* The whole page at once, to read it top to bottom; a big window is
   * slow to draw under sanitizers, and adds nothing to what they check. */
#ifndef __SANITIZE_ADDRESS__
  render_briefing (f, "briefing-full-light", 1024, 2000, FALSE, f->maria);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", "2026-11-23", TRUE);
  nb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/briefing/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("page/sections", test_sections);
  ADD ("page/hint-and-refresh", test_hint_and_refresh);
  ADD ("page/links", test_links);
  ADD ("page/hostile-person", test_hostile_person);
  ADD ("print-pdf", test_print_pdf);
  ADD ("markdown", test_markdown);
  ADD ("window/search-enter", test_search_enter_opens_briefing);
  ADD ("window/ctrl-b", test_ctrl_b);
  ADD ("window/brief-by-name", test_brief_by_name);
  ADD ("app/brief-option", test_brief_option);
  ADD ("screenshots", test_screenshots);
#undef ADD

  return nb_gui_test_run ();
}
