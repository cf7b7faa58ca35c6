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

  return nb_gui_test_run ();
}
