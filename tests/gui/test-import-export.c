/* test-import-export.c: the import dialog (vCard, LinkedIn, the CSV
 * mapping step, cancel, errors), export in every format, Preferences'
 * backups, restoring a backup, and the error page's restore offer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "nb-application.h"
#include "nb-backup.h"
#include "nb-export-dialog.h"
#include "nb-gui-test.h"
#include "nb-import-dialog.h"
#include "nb-preferences-window.h"
#include "nb-restore.h"
#include "nb-window.h"

#define VCARDS \
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Rossi\r\nEMAIL:maria@rossi.example\r\nORG:Rossi Design\r\nEND:VCARD\r\n" \
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom O'Brien\r\nTITLE:Roofer\r\nEND:VCARD\r\n" \
  "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nobody@example.com\r\nEND:VCARD\r\n"

#define LINKEDIN \
  "Notes:\n" \
  "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n" \
  "\n" \
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" \
  "Ada,Okafor,https://www.linkedin.com/in/adaokafor,ada@okafor.example,Okafor & Partners,Head of Growth,12 Jan 2024\n" \
  "Günther,Weiß,https://www.linkedin.com/in/guentherweiss,,Müller & Söhne GmbH,Einkäufer,28 Feb 2022\n"

#define GENERIC_CSV \
  "Full Name,E-mail Address,Company,Favourite Colour,Labels\n" \
  "Zoë Ångström,zoe@visby.example,Salons Visby,teal,design;friends\n" \
  "<b>Bob</b> & Sons,bob@acme.example,Acme,red,\n"

static guint n_stores;

static NbStore *
new_store (void)
{
  g_autofree char *name = g_strdup_printf ("io-%u.db", n_stores++);

  return nb_gui_test_open_store (name);
}

static GFile *
write_scratch (const char *name,
               const char *contents,
               gssize      length)
{
  g_autofree char *path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static guint
n_people (NbStore *store)
{
  g_autoptr(GListModel) people = nb_store_get_people_model (store);

  return g_list_model_get_n_items (people);
}

static gint64
add_person (NbStore    *store,
            const char *name,
            const char *email)
{
  g_autoptr(NbPerson) person = nb_person_new (name);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (email != NULL)
    nb_person_set_field (person, NB_PERSON_EMAILS, email);
  id = nb_store_add_person (store, person, &error);
  g_assert_no_error (error);

  return id;
}

static void
wait_for_page (NbImportDialog *dialog,
               const char     *page)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!g_str_equal (nb_import_dialog_get_page (dialog), page) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (nb_import_dialog_get_page (dialog), ==, page);
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* @name-WIDTH-light/dark, at 1024 (the dialog's own width) and 360. */
static void
screenshots (GtkWindow  *window,
             const char *name)
{
  static const int widths[] = { 560, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint dark = 0; dark <= 1; dark++)
      {
        g_autofree char *file = g_strdup_printf ("%s-%d-%s", name, widths[w], dark ? "dark" : "light");

        set_dark (dark);
        gtk_window_set_default_size (window, widths[w], 600);
        gtk_widget_set_size_request (GTK_WIDGET (window), widths[w], 600);
        gtk_widget_queue_resize (GTK_WIDGET (window));
        nb_gui_test_wait_drawn (GTK_WIDGET (window));
        g_object_unref (nb_gui_test_screenshot (GTK_WIDGET (window), file));
      }
  set_dark (FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (window), 360, 294);
}

static NbImportDialog *
import_file (NbStore    *store,
             const char *name,
             const char *contents)
{
  g_autoptr(GFile) file = write_scratch (name, contents, -1);
  NbImportDialog *dialog = nb_import_dialog_new (NULL, store);

  gtk_window_present (GTK_WINDOW (dialog));
  nb_import_dialog_set_file (dialog, file);
  return dialog;
}

/* ---- Import --------------------------------------------------------- */

static void
test_import_vcard (void)
{
  g_autoptr(NbStore) store = new_store ();
  NbImportDialog *dialog;
  const NbImportReport *report;

  /* Maria is known: her card merges into the one already there. */
  add_person (store, "Maria Rossi", "maria@rossi.example");
  dialog = import_file (store, "contacts.vcf", VCARDS);
  wait_for_page (dialog, "report");

  g_assert_cmpint (nb_import_dialog_get_format (dialog), ==, NB_IMPORT_FORMAT_VCARD);
  report = nb_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->merged, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 1);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "1 added · 1 merged · 1 skipped"));
  g_assert_cmpuint (n_people (store), ==, 2);
  nb_gui_test_wait_drawn (GTK_WIDGET (dialog));
  screenshots (GTK_WINDOW (dialog), "import-report");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_linkedin (void)
{
  g_autoptr(NbStore) store = new_store ();
  g_autoptr(NbPerson) ada = NULL;
  g_autoptr(GError) error = NULL;
  NbImportDialog *dialog;

  dialog = import_file (store, "Connections.csv", LINKEDIN);
  wait_for_page (dialog, "report");

  /* LinkedIn's columns are known: no mapping step. */
  g_assert_cmpint (nb_import_dialog_get_format (dialog), ==, NB_IMPORT_FORMAT_LINKEDIN);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "2 added · 0 merged · 0 skipped"));
  g_assert_cmpuint (n_people (store), ==, 2);
  ada = nb_store_resolve_person (store, "Ada Okafor", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_field (ada, NB_PERSON_COMPANY), ==, "Okafor & Partners");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_csv_mapping (void)
{
  g_autoptr(NbStore) store = new_store ();
  g_autoptr(NbPerson) zoe = NULL;
  g_autoptr(GError) error = NULL;
  NbImportColumn column;
  NbImportColumn notes = { NB_IMPORT_COLUMN_NOTES, 0 };
  NbImportDialog *dialog;

  dialog = import_file (store, "spreadsheet.csv", GENERIC_CSV);
  wait_for_page (dialog, "mapping");

  /* Every header is listed, with its guess. */
  g_assert_cmpint (nb_import_dialog_get_format (dialog), ==, NB_IMPORT_FORMAT_CSV);
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "Full Name"));
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "Favourite Colour"));
  column = nb_import_dialog_get_column (dialog, 0);
  g_assert_cmpint (column.kind, ==, NB_IMPORT_COLUMN_FIELD);
  g_assert_cmpint (column.field, ==, NB_PERSON_DISPLAY_NAME);
  column = nb_import_dialog_get_column (dialog, 1);
  g_assert_cmpint (column.kind, ==, NB_IMPORT_COLUMN_FIELD);
  g_assert_cmpint (column.field, ==, NB_PERSON_EMAILS);
  g_assert_cmpint (nb_import_dialog_get_column (dialog, 3).kind, ==, NB_IMPORT_COLUMN_IGNORE);
  g_assert_cmpint (nb_import_dialog_get_column (dialog, 4).kind, ==, NB_IMPORT_COLUMN_TAGS);
  nb_gui_test_wait_drawn (GTK_WIDGET (dialog));
  screenshots (GTK_WINDOW (dialog), "import-mapping");

  /* The user's choice is what is imported. */
  nb_import_dialog_set_column (dialog, 3, notes);
  nb_import_dialog_start (dialog);
  wait_for_page (dialog, "report");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "2 added · 0 merged · 0 skipped"));
  zoe = nb_store_resolve_person (store, "Zoë Ångström", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_person_get_field (zoe, NB_PERSON_COMPANY), ==, "Salons Visby");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
many_vcards (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nEMAIL:p%u@example.com\r\nEND:VCARD\r\n", i, i);

  return g_string_free (s, FALSE);
}

static void
test_import_cancel (void)
{
  g_autoptr(NbStore) store = new_store ();
  g_autofree char *big = many_vcards (20000);
  NbImportDialog *dialog;

  add_person (store, "Maria Rossi", NULL);

  /* Cancelled while reading: nothing is added. */
  dialog = import_file (store, "big.vcf", big);
  wait_for_page (dialog, "progress");
  nb_import_dialog_cancel (dialog);
  wait_for_page (dialog, "error");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "Nothing Was Imported"));
  g_assert_cmpuint (n_people (store), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The progress page, caught in the middle. */
  dialog = import_file (store, "big2.vcf", big);
  wait_for_page (dialog, "progress");
  nb_gui_test_wait_drawn (GTK_WIDGET (dialog));
  g_object_unref (nb_gui_test_screenshot (GTK_WIDGET (dialog), "import-progress-560-light"));
  /* Still reading, unless this machine is very fast. */
  if (g_str_equal (nb_import_dialog_get_page (dialog), "progress"))
    nb_import_dialog_cancel (dialog);
  while (g_str_equal (nb_import_dialog_get_page (dialog), "progress"))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_errors (void)
{
  g_autoptr(NbStore) store = new_store ();
  static const char binary[] = { 0, 1, 2, 3, (char) 0xff, 0 };
  g_autoptr(GFile) file = write_scratch ("photo.jpg", binary, sizeof binary);
  NbImportDialog *dialog;

  add_person (store, "Maria Rossi", NULL);

  dialog = nb_import_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  nb_import_dialog_set_file (dialog, file);
  wait_for_page (dialog, "error");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "Not a File Netbook Can Import"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A whole notebook goes only into an empty one: refused, clearly. */
  dialog = import_file (store, "netbook.json", "{ \"format\": \"netbook\", \"version\": 1, \"people\": [] }");
  wait_for_page (dialog, "error");
  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (dialog), "Could Not Import"));
  g_assert_cmpuint (n_people (store), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- Export --------------------------------------------------------- */

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*result);
  return *result;
}

static void
test_export (void)
{
  g_autoptr(NbStore) store = new_store ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *scratch = g_getenv ("NETBOOK_TEST_SCRATCH");
  static const NbExportFormat formats[] = { NB_EXPORT_VCARD, NB_EXPORT_CSV, NB_EXPORT_JSON, NB_EXPORT_MARKDOWN };
  GtkWidget *picker;
  NbWindow *window;

  add_person (store, "Maria Rossi", "maria@rossi.example");
  add_person (store, "<b>Bob</b> & Sons", NULL);
  window = nb_window_new (ADW_APPLICATION (nb_gui_test_get_app ()), settings, store);
  gtk_window_present (GTK_WINDOW (window));

  /* The picker offers every format. */
  picker = nb_export_dialog_new_format_picker (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_assert_true (nb_dialog_has_response (picker, nb_export_format_to_string (formats[i])));
  nb_gui_test_destroy_dialog (picker);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *ext = nb_export_format_get_extension (formats[i]);
      g_autofree char *name = g_strdup_printf ("export.%s", ext != NULL ? ext : "d");
      g_autofree char *path = g_build_filename (scratch, name, NULL);
      g_autoptr(GFile) dest = g_file_new_for_path (path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      nb_export_dialog_export_async (window, formats[i], dest, on_async_done_cb, &result);
      g_assert_true (nb_export_dialog_export_finish (wait_for_result (&result), &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

      if (formats[i] == NB_EXPORT_JSON)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *root;

          g_assert_true (json_parser_load_from_file (parser, path, &error));
          g_assert_no_error (error);
          root = json_node_get_object (json_parser_get_root (parser));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), ==, 2);
        }
      else if (formats[i] == NB_EXPORT_MARKDOWN)
        {
          g_autofree char *md = g_build_filename (path, "Maria Rossi.md", NULL);

          g_assert_true (g_file_test (md, G_FILE_TEST_IS_REGULAR));
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Preferences, backups, restore ----------------------------------- */

/* The app's own notebook at @name, in a window of its own. */
static NbWindow *
activate_app (const char *name)
{
  NbApplication *app = NB_APPLICATION (nb_gui_test_get_app ());
  g_autofree char *path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), name, NULL);
  GtkWindow *window;

  nb_application_close_store (app);
  g_setenv ("NETBOOK_DB", path, TRUE);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (!NB_IS_WINDOW (window))
    window = g_list_nth_data (gtk_application_get_windows (GTK_APPLICATION (app)), 0);
  g_assert_true (NB_IS_WINDOW (window));

  return NB_WINDOW (window);
}

static char *
back_up_now (NbPreferencesWindow *prefs)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  nb_preferences_window_back_up_now_async (prefs, on_async_done_cb, &result);
  path = nb_preferences_window_back_up_now_finish (prefs, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static void
test_preferences (void)
{
  NbApplication *app = NB_APPLICATION (nb_gui_test_get_app ());
  GSettings *settings = nb_application_get_settings (app);
  NbWindow *window = activate_app ("prefs.db");
  NbPreferencesWindow *prefs;
  AdwComboRow *interval;
  GtkSpinButton *keep;
  g_autofree char *backup = NULL;

  g_settings_reset (settings, "backup-interval-days");
  g_settings_reset (settings, "backup-keep");
  add_person (nb_application_get_store (app), "Maria Rossi", NULL);

  prefs = nb_preferences_window_new (app, window);
  nb_preferences_window_present (prefs);
  interval = ADW_COMBO_ROW (nb_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW));
  keep = GTK_SPIN_BUTTON (nb_gui_test_find (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON));

  /* Daily, keep 10: the defaults, both ways. */
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (keep), ==, 10);
  adw_combo_row_set_selected (interval, 2);
  g_assert_cmpint (g_settings_get_int (settings, "backup-interval-days"), ==, 7);
  adw_combo_row_set_selected (interval, 0);
  g_assert_cmpint (g_settings_get_int (settings, "backup-interval-days"), ==, 0);
  gtk_spin_button_set_value (keep, 5);
  g_assert_cmpint (g_settings_get_int (settings, "backup-keep"), ==, 5);
  g_settings_set_int (settings, "backup-keep", 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (keep), ==, 12);
  /* A number of days set elsewhere is shown as it is. */
  g_settings_set_int (settings, "backup-interval-days", 3);
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 3);
  g_settings_reset (settings, "backup-interval-days");
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 1);

  g_assert_nonnull (nb_gui_test_find_label (GTK_WIDGET (prefs), "None yet"));
  backup = back_up_now (prefs);
  g_assert_null (nb_gui_test_find_label (GTK_WIDGET (prefs), "None yet"));
  /* The window it is shown in: itself, or the main window on 1.5+. */
  screenshots (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (prefs))), "preferences");

  g_settings_reset (settings, "backup-keep");
  nb_preferences_window_destroy (prefs);
  nb_application_close_store (app);
}

static void
test_restore (void)
{
  NbApplication *app = NB_APPLICATION (nb_gui_test_get_app ());
  NbWindow *window = activate_app ("restore.db");
  NbPreferencesWindow *prefs;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  NbStore *store;

  add_person (nb_application_get_store (app), "Maria Rossi", NULL);
  prefs = nb_preferences_window_new (app, window);
  backup = back_up_now (prefs);
  nb_preferences_window_destroy (prefs);
  add_person (nb_application_get_store (app), "Zed Later", NULL);
  g_assert_cmpuint (n_people (nb_application_get_store (app)), ==, 2);

  /* Checked first, then asked. */
  nb_restore_confirm (app, GTK_WINDOW (window), backup);
  dialog = nb_gui_test_wait_for_alert ();
  g_assert_true (g_str_has_prefix (nb_dialog_get_heading (dialog),
                                   "Replace your notebook with the backup from "));
  g_assert_cmpint (nb_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_DESTRUCTIVE);
  nb_gui_test_respond (dialog, "cancel");
  g_assert_cmpuint (n_people (nb_application_get_store (app)), ==, 2);

  nb_restore_run (app, backup, on_async_done_cb, &result);
  g_assert_true (nb_restore_run_finish (wait_for_result (&result), &safety, &error));
  g_assert_no_error (error);

  /* The notebook is the backup's, in a new window; the old one is kept. */
  store = nb_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_cmpuint (n_people (store), ==, 1);
  g_assert_nonnull (safety);
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  g_assert_true (NB_IS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data));
  g_assert_true (nb_window_get_store (gtk_application_get_windows (GTK_APPLICATION (app))->data) == store);

  /* A file that is not a backup is refused before anything happens. */
  {
    g_autoptr(GFile) junk = write_scratch ("junk.db", "not a database", -1);
    g_autofree char *junk_path = g_file_get_path (junk);

    nb_restore_confirm (app, NULL, junk_path);
    dialog = nb_gui_test_wait_for_alert ();
    g_assert_cmpstr (nb_dialog_get_heading (dialog), ==, "This Backup Cannot Be Restored");
    nb_gui_test_destroy_dialog (dialog);
    g_assert_cmpuint (n_people (nb_application_get_store (app)), ==, 1);
  }

  nb_application_close_store (app);
}

static GtkWidget *
find_restore_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_str_equal (gtk_widget_get_name (root), "restore-backup-button"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_restore_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_error_page_restore (void)
{
  NbApplication *app = NB_APPLICATION (nb_gui_test_get_app ());
  g_autofree char *path = g_build_filename (g_getenv ("NETBOOK_TEST_SCRATCH"), "damaged", "netbook.db", NULL);
  static const char garbage[] = "This was a notebook until the disk said otherwise.\n";
  g_autoptr(GPtrArray) infos = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *kept = NULL;
  gsize kept_len = 0;
  NbWindow *window;
  GtkWidget *button;
  GtkWidget *dialog;
  gint64 deadline;

  /* A notebook with a backup, then damaged. */
  window = activate_app ("damaged/netbook.db");
  add_person (nb_application_get_store (app), "Maria Rossi", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *backup = nb_backup_now (nb_application_get_store (app), &error);

    g_assert_no_error (error);
  }
  {
    gpointer old_store = nb_application_get_store (app);
    gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    /* Closed for good before the disk "fails". */
    g_object_add_weak_pointer (old_store, &old_store);
    nb_application_close_store (app);
    while (old_store != NULL && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (old_store);
  }
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }

  window = activate_app ("damaged/netbook.db");
  g_assert_null (nb_application_get_store (app));
  nb_gui_test_wait_drawn (GTK_WIDGET (window));
  g_object_unref (nb_gui_test_screenshot (GTK_WIDGET (window), "error-page-restore"));

  button = find_restore_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_true (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (button)), "Restore Backup from "));
  g_signal_emit_by_name (button, "clicked");
  dialog = nb_gui_test_wait_for_alert ();
  nb_gui_test_respond (dialog, "restore");

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (nb_application_get_store (app) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (nb_application_get_store (app));
  g_assert_cmpuint (n_people (nb_application_get_store (app)), ==, 1);

  /* The damaged file is kept, byte for byte. */
  backups = nb_backup_dir_for (path);
  infos = nb_backup_list (backups, NULL);
  for (guint i = 0; i < infos->len; i++)
    {
      NbBackupInfo *info = g_ptr_array_index (infos, i);

      if (info->kind == NB_BACKUP_SAFETY_COPY && kept == NULL)
        g_assert_true (g_file_get_contents (info->path, &kept, &kept_len, NULL));
    }
  g_assert_cmpmem (kept, kept_len, garbage, strlen (garbage));

  nb_application_close_store (app);
  g_unsetenv ("NETBOOK_DB");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("NETBOOK_TODAY", "2026-11-23", TRUE);
  nb_gui_test_init (&argc, &argv);

  g_test_add_func ("/import-export/import-vcard", test_import_vcard);
  g_test_add_func ("/import-export/import-linkedin", test_import_linkedin);
  g_test_add_func ("/import-export/import-csv-mapping", test_import_csv_mapping);
  g_test_add_func ("/import-export/import-cancel", test_import_cancel);
  g_test_add_func ("/import-export/import-errors", test_import_errors);
  g_test_add_func ("/import-export/export", test_export);
  g_test_add_func ("/import-export/preferences", test_preferences);
  g_test_add_func ("/import-export/restore", test_restore);
  g_test_add_func ("/import-export/error-page-restore", test_error_page_restore);

  return nb_gui_test_run ();
}
