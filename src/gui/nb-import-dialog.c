/* nb-import-dialog.c: bringing a network in from a file.
 *
 * Pages, in order: "reading" (the start of the file, for its format and
 * CSV header), "mapping" (generic CSV only: where each column goes),
 * "progress" (the import reads and writes in a worker thread, in one
 * transaction, and can be cancelled until it commits), then "report" or
 * "error". A cancelled or failed import added nothing, and the error
 * page says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-file-chooser.h"
#include "nb-import-dialog.h"

/* Enough of a file for its format and a CSV header row. */
#define HEAD_SIZE (64 * 1024)

/* The mapping combo's items: Ignore, Tags, Notes, then the card fields. */
enum {
  TARGET_IGNORE,
  TARGET_TAGS,
  TARGET_NOTES,
  TARGET_FIRST_FIELD,
};

struct _NbImportDialog
{
  AdwWindow        parent_instance;

  NbStore         *store;
  GFile           *file;
  GCancellable    *cancellable;
  NbImportFormat   format;
  GStrv            headers;
  GPtrArray       *combo_rows;     /* AdwComboRow*, one per header */
  NbImportReport  *report;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *import_button;
  GtkWidget       *close_button;
  GtkStack        *stack;
  GtkListBox      *mapping_list;
  GtkProgressBar  *progress_bar;
  GtkLabel        *summary_label;
  GtkLabel        *issues_label;
  GtkListBox      *issues_list;
  AdwStatusPage   *error_page;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (NbImportDialog, nb_import_dialog, ADW_TYPE_WINDOW)

/* ---- Helpers -------------------------------------------------------- */

static void
show_page (NbImportDialog *self,
           const char     *name)
{
  gboolean mapping = g_str_equal (name, "mapping");
  gboolean done = g_str_equal (name, "report") || g_str_equal (name, "error");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->import_button, mapping);
  gtk_widget_set_visible (self->close_button, done);
  gtk_widget_set_visible (self->cancel_button, !done && !g_str_equal (name, "progress"));
  if (mapping)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  else if (done)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
}

/* The message is shown as plain text: it may quote the file. */
static void
show_error (NbImportDialog *self,
            const char     *title,
            const char     *message)
{
  adw_status_page_set_title (self->error_page, title);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && message[0] != '\0');
  show_page (self, "error");
}

static guint
column_to_target (NbImportColumn column)
{
  switch (column.kind)
    {
    case NB_IMPORT_COLUMN_TAGS:
      return TARGET_TAGS;
    case NB_IMPORT_COLUMN_NOTES:
      return TARGET_NOTES;
    case NB_IMPORT_COLUMN_FIELD:
      return TARGET_FIRST_FIELD + column.field;
    case NB_IMPORT_COLUMN_IGNORE:
    default:
      return TARGET_IGNORE;
    }
}

static NbImportColumn
target_to_column (guint target)
{
  NbImportColumn column = { NB_IMPORT_COLUMN_IGNORE, 0 };

  if (target == TARGET_TAGS)
    column.kind = NB_IMPORT_COLUMN_TAGS;
  else if (target == TARGET_NOTES)
    column.kind = NB_IMPORT_COLUMN_NOTES;
  else if (target >= TARGET_FIRST_FIELD && target < TARGET_FIRST_FIELD + NB_PERSON_N_FIELDS)
    {
      column.kind = NB_IMPORT_COLUMN_FIELD;
      column.field = target - TARGET_FIRST_FIELD;
    }

  return column;
}

static GListModel *
new_targets_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: where a CSV column goes: nowhere */
  gtk_string_list_append (list, C_("import column", "Ignore"));
  gtk_string_list_append (list, C_("import column", "Tags"));
  gtk_string_list_append (list, C_("import column", "Notes"));
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    gtk_string_list_append (list, nb_person_field_get_label (i));

  return G_LIST_MODEL (list);
}

static void
build_mapping (NbImportDialog *self)
{
  g_autoptr(GListModel) targets = new_targets_model ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list))) != NULL)
    gtk_list_box_remove (self->mapping_list, child);
  g_ptr_array_set_size (self->combo_rows, 0);

  for (guint i = 0; self->headers[i] != NULL; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header = self->headers[i];

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     header[0] != '\0' ? header : _("(No Name)"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), targets);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  column_to_target (nb_import_guess_column (header)));
      gtk_list_box_append (self->mapping_list, row);
      g_ptr_array_add (self->combo_rows, row);
    }
}

static GtkWidget *
new_issue_row (const NbImportIssue *issue)
{
  g_autofree char *place = nb_import_issue_dup_place_label (issue);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  if (issue->name != NULL && issue->name[0] != '\0')
    /* Translators: "Card 12 · Maria Rossi" in the import report */
    title = g_strdup_printf (_("%s · %s"), place, issue->name);
  else
    title = g_strdup (place);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), issue->reason);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  icon = gtk_image_new_from_icon_name (issue->skipped ? "action-unavailable-symbolic"
                                                      : "dialog-information-symbolic");
  gtk_widget_set_tooltip_text (icon, issue->skipped ? _("Skipped") : _("Imported in part"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
show_report (NbImportDialog *self)
{
  const NbImportReport *report = self->report;
  g_autofree char *added = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *summary = NULL;
  guint n_issues = report->issues != NULL ? report->issues->len : 0;

  /* Translators: part of "12 added · 3 merged · 1 skipped" */
  added = g_strdup_printf (ngettext ("%u added", "%u added", report->added), report->added);
  merged = g_strdup_printf (ngettext ("%u merged", "%u merged", report->merged), report->merged);
  skipped = g_strdup_printf (ngettext ("%u skipped", "%u skipped", report->skipped), report->skipped);
  summary = g_strdup_printf ("%s · %s · %s", added, merged, skipped);
  gtk_label_set_text (self->summary_label, summary);

  for (guint i = 0; i < n_issues; i++)
    gtk_list_box_append (self->issues_list, new_issue_row (g_ptr_array_index (report->issues, i)));

  if (n_issues > 0)
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("%u Note on the Import",
                                                            "%u Notes on the Import", n_issues),
                                                  n_issues);
      gtk_label_set_text (self->issues_label, heading);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->issues_label), n_issues > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->issues_list), n_issues > 0);

  show_page (self, "report");
}

/* ---- Callbacks ------------------------------------------------------ */

static void
on_progress_cb (double      fraction,
                const char *text,
                gpointer    user_data)
{
  NbImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NbImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->report = nb_import_file_finish (NB_STORE (source), result, &error);
  g_clear_object (&self->cancellable);

  if (self->report != NULL)
    show_report (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Nothing Was Imported"), NULL);
  else
    show_error (self, _("Could Not Import"), error->message);
}

static void
on_head_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(NbImportDialog) self = user_data;
  g_autoptr(GBytes) head = NULL;
  g_autoptr(GError) error = NULL;

  head = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  g_input_stream_close (G_INPUT_STREAM (source), NULL, NULL);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (head == NULL)
    {
      show_error (self, _("Could Not Read the File"), error->message);
      return;
    }

  self->format = nb_import_detect_format (head);
  if (self->format == NB_IMPORT_FORMAT_AUTO)
    {
      show_error (self, _("Not a File Netbook Can Import"),
                  _("Netbook imports contacts from vCard files (.vcf), LinkedIn’s Connections.csv, spreadsheets saved as CSV with a header row, and its own JSON export."));
      return;
    }

  if (self->format == NB_IMPORT_FORMAT_CSV)
    {
      self->headers = nb_import_read_csv_headers (head, &error);
      if (self->headers == NULL)
        {
          show_error (self, _("Could Not Read the File"), error->message);
          return;
        }
      build_mapping (self);
      show_page (self, "mapping");
      return;
    }

  nb_import_dialog_start (self);
}

static void
on_file_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NbImportDialog) self = user_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_read_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (stream == NULL)
    {
      show_error (self, _("Could Not Read the File"), error->message);
      return;
    }

  g_input_stream_read_bytes_async (G_INPUT_STREAM (stream), HEAD_SIZE, G_PRIORITY_DEFAULT,
                                   self->cancellable, on_head_read_cb, g_object_ref (self));
}

static void
on_file_chosen_cb (GFile    *file,
                   gpointer  user_data)
{
  NbImportDialog *self = user_data;

  if (file == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  nb_import_dialog_set_file (self, file);
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_cancel_button_clicked_cb (NbImportDialog *self)
{
  nb_import_dialog_cancel (self);
}

static void
on_import_button_clicked_cb (NbImportDialog *self)
{
  nb_import_dialog_start (self);
}

static void
on_close_button_clicked_cb (NbImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- Overrides ------------------------------------------------------ */

static gboolean
nb_import_dialog_close_request (GtkWindow *window)
{
  NbImportDialog *self = NB_IMPORT_DIALOG (window);

  /* Closing mid-import cancels it: nothing is added. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (nb_import_dialog_parent_class)->close_request (window);
}

static void
nb_import_dialog_dispose (GObject *object)
{
  NbImportDialog *self = NB_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (nb_import_dialog_parent_class)->dispose (object);
}

static void
nb_import_dialog_finalize (GObject *object)
{
  NbImportDialog *self = NB_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->combo_rows, g_ptr_array_unref);
  g_clear_pointer (&self->report, nb_import_report_free);

  G_OBJECT_CLASS (nb_import_dialog_parent_class)->finalize (object);
}

static void
nb_import_dialog_class_init (NbImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_import_dialog_dispose;
  object_class->finalize = nb_import_dialog_finalize;
  window_class->close_request = nb_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, issues_label);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, issues_list);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, NbImportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nb_import_dialog_init (NbImportDialog *self)
{
  self->combo_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API ----------------------------------------------------- */

NbImportDialog *
nb_import_dialog_new (GtkWindow *parent,
                      NbStore   *store)
{
  NbImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NB_IS_STORE (store), NULL);

  self = g_object_new (NB_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  return self;
}

void
nb_import_dialog_choose_file (NbImportDialog *self)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkFileFilter *filter;

  g_return_if_fail (NB_IS_IMPORT_DIALOG (self));

  filter = nb_file_filter_new (_("Contacts (vCard, CSV, JSON)"), "vcf", "vcard", "csv", "json", NULL);
  g_list_store_append (filters, filter);
  g_object_unref (filter);
  filter = nb_file_filter_new (_("vCard"), "vcf", "vcard", NULL);
  g_list_store_append (filters, filter);
  g_object_unref (filter);
  filter = nb_file_filter_new (_("CSV"), "csv", NULL);
  g_list_store_append (filters, filter);
  g_object_unref (filter);
  filter = nb_file_filter_new (_("Netbook JSON"), "json", NULL);
  g_list_store_append (filters, filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  g_list_store_append (filters, filter);
  g_object_unref (filter);

  nb_file_chooser_run (gtk_window_get_transient_for (GTK_WINDOW (self)),
                       NB_FILE_CHOOSER_OPEN, _("Import Contacts"), _("_Import"),
                       G_LIST_MODEL (filters), NULL, NULL,
                       on_file_chosen_cb, g_object_ref (self), g_object_unref);
}

void
nb_import_dialog_set_file (NbImportDialog *self,
                           GFile          *file)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (NB_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->file == NULL);

  self->file = g_object_ref (file);
  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);

  self->cancellable = g_cancellable_new ();
  show_page (self, "reading");
  g_file_read_async (file, G_PRIORITY_DEFAULT, self->cancellable,
                     on_file_opened_cb, g_object_ref (self));
}

void
nb_import_dialog_start (NbImportDialog *self)
{
  g_autoptr(NbImportOptions) options = nb_import_options_new ();

  g_return_if_fail (NB_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->file != NULL);

  nb_import_options_set_format (options, self->format);
  if (self->format == NB_IMPORT_FORMAT_CSV)
    {
      g_autofree NbImportColumn *columns = g_new0 (NbImportColumn, self->combo_rows->len);

      for (guint i = 0; i < self->combo_rows->len; i++)
        columns[i] = nb_import_dialog_get_column (self, i);
      nb_import_options_set_csv_columns (options, columns, self->combo_rows->len);
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Reading…"));
  show_page (self, "progress");

  nb_import_file_async (self->store, self->file, options,
                        on_progress_cb, g_object_ref (self), g_object_unref,
                        self->cancellable, on_import_done_cb, g_object_ref (self));
}

void
nb_import_dialog_cancel (NbImportDialog *self)
{
  g_return_if_fail (NB_IS_IMPORT_DIALOG (self));

  if (g_str_equal (nb_import_dialog_get_page (self), "progress"))
    {
      /* The result arrives as G_IO_ERROR_CANCELLED: "Nothing Was Imported". */
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

const char *
nb_import_dialog_get_page (NbImportDialog *self)
{
  g_return_val_if_fail (NB_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

NbImportFormat
nb_import_dialog_get_format (NbImportDialog *self)
{
  g_return_val_if_fail (NB_IS_IMPORT_DIALOG (self), NB_IMPORT_FORMAT_AUTO);

  return self->format;
}

const NbImportReport *
nb_import_dialog_get_report (NbImportDialog *self)
{
  g_return_val_if_fail (NB_IS_IMPORT_DIALOG (self), NULL);

  return self->report;
}

NbImportColumn
nb_import_dialog_get_column (NbImportDialog *self,
                             guint           index)
{
  NbImportColumn ignore = { NB_IMPORT_COLUMN_IGNORE, 0 };

  g_return_val_if_fail (NB_IS_IMPORT_DIALOG (self), ignore);
  g_return_val_if_fail (index < self->combo_rows->len, ignore);

  return target_to_column (adw_combo_row_get_selected (g_ptr_array_index (self->combo_rows, index)));
}

void
nb_import_dialog_set_column (NbImportDialog *self,
                             guint           index,
                             NbImportColumn  column)
{
  g_return_if_fail (NB_IS_IMPORT_DIALOG (self));
  g_return_if_fail (index < self->combo_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->combo_rows, index), column_to_target (column));
}
