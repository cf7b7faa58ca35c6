/* nb-entry-row.c: one entry on a person's timeline.
 *
 * A long text shows its start (nb_text_preview()) and a Show All button
 * that opens the whole text in a window of its own: a GtkLabel lays out
 * its whole text on every size request, and a 10 MB note in one never
 * finishes drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-entry-row.h"
#include "nb-gui-util.h"


struct _NbEntryRow
{
  GtkListBoxRow  parent_instance;

  NbEntry       *entry;

  /* Template widgets */
  GtkImage      *kind_icon;
  GtkLabel      *kind_label;
  GtkLabel      *status_label;
  GtkLabel      *date_label;
  GtkLabel      *text_label;
  GtkWidget     *show_all_button;
  GtkWidget     *partner_box;
  GtkWidget     *partner_button;
  GtkLabel      *partner_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (NbEntryRow, nb_entry_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
get_mark_as_label (NbStatus status)
{
  switch (status)
    {
    case NB_STATUS_OPEN:
      return _("Mark as _Open");
    case NB_STATUS_HELPED:
      return _("Mark as _Helped");
    case NB_STATUS_ACHIEVED:
      return _("Mark as _Achieved");
    case NB_STATUS_RESOLVED:
      return _("Mark as _Resolved");
    case NB_STATUS_DONE:
      return _("Mark as _Done");
    case NB_STATUS_NONE:
    default:
      return NULL;
    }
}

static void
update_status (NbEntryRow *self)
{
  NbStatus status = nb_entry_get_status (self->entry);
  GtkWidget *chip = GTK_WIDGET (self->status_label);

  gtk_widget_set_visible (chip, status != NB_STATUS_NONE);
  gtk_label_set_text (self->status_label, nb_status_get_label (status));
  for (guint i = 0; i < NB_N_STATUSES; i++)
    {
      const char *name = nb_status_to_string ((NbStatus) i);

      if (*name != '\0')
        gtk_widget_remove_css_class (chip, name);
    }
  if (status != NB_STATUS_NONE)
    gtk_widget_add_css_class (chip, nb_status_to_string (status));
}

static void
update_date (NbEntryRow *self,
             const char *today_iso)
{
  const char *date = nb_entry_get_date (self->entry);
  g_autofree char *date_long = nb_date_format_long (date);
  g_autofree char *relative = nb_date_format_relative (date, today_iso);
  g_autofree char *text = NULL;

  /* Translators: an entry's date: "2 May 2024 · 3 weeks ago" */
  text = g_strdup_printf (_("%s · %s"), date_long, relative);

  if (nb_entry_get_kind (self->entry) == NB_ENTRY_FOLLOW_UP &&
      *nb_entry_get_due (self->entry) != '\0')
    {
      gboolean overdue = FALSE;
      g_autofree char *due = nb_entry_row_dup_due_text (self->entry, today_iso, &overdue);
      g_autofree char *with_due = NULL;

      /* Translators: an entry's date, then when the follow-up is due */
      with_due = g_strdup_printf (_("%s — %s"), text, due);
      g_free (text);
      text = g_steal_pointer (&with_due);
      if (overdue)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->date_label), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "error");
        }
    }

  gtk_label_set_text (self->date_label, text);
}

static GtkWidget *
new_full_text_window (NbEntry *entry)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  g_autofree char *date = nb_date_format_long (nb_entry_get_date (entry));
  const char *kind = nb_entry_kind_get_label (nb_entry_get_kind (entry));
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new_with_buffer (buffer);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), kind);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (kind, date));

  /* Read-only, but with a caret: the keyboard scrolls, selects and
   * copies as in any text. */
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind,
                                  -1);
  nb_text_view_set_long_text (GTK_TEXT_VIEW (view), nb_entry_get_text (entry));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_set_focus (GTK_WINDOW (window), view);

  return window;
}

static void
nb_entry_row_show_all (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NbEntryRow *self = NB_ENTRY_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window = new_full_text_window (self->entry);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

static void
nb_entry_row_dispose (GObject *object)
{
  NbEntryRow *self = NB_ENTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_ENTRY_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (nb_entry_row_parent_class)->dispose (object);
}

static void
nb_entry_row_class_init (NbEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_entry_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, partner_box);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, partner_button);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, partner_label);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, menu_button);

  gtk_widget_class_install_action (widget_class, "entry.show-all", NULL, nb_entry_row_show_all);
}

static void
nb_entry_row_init (NbEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nb_entry_row_new (NbEntry    *entry,
                  gint64      person_id,
                  const char *partner_name,
                  const char *today_iso)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *preview = NULL;
  NbEntryRow *self;
  NbEntryKind kind;
  const char *text;
  gboolean cut;

  g_return_val_if_fail (NB_IS_ENTRY (entry), NULL);
  g_return_val_if_fail (today_iso != NULL, NULL);

  self = g_object_new (NB_TYPE_ENTRY_ROW, NULL);
  self->entry = g_object_ref (entry);
  kind = nb_entry_get_kind (entry);
  text = nb_entry_get_text (entry);

  gtk_image_set_from_icon_name (self->kind_icon, nb_entry_kind_get_icon_name (kind));
  gtk_label_set_text (self->kind_label, nb_entry_kind_get_label (kind));
  preview = nb_text_preview (text, NB_PREVIEW_LONG_CHARS, NB_PREVIEW_LONG_LINES);
  cut = strcmp (preview, text) != 0;
  gtk_label_set_text (self->text_label, preview);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), *text != '\0');
  gtk_widget_set_visible (self->show_all_button, cut);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.show-all", cut);
  update_date (self, today_iso);
  update_status (self);

  if (kind == NB_ENTRY_INTRODUCTION && partner_name != NULL)
    {
      gint64 partner_id = nb_entry_get_person_id (entry) == person_id
        ? nb_entry_get_other_person_id (entry)
        : nb_entry_get_person_id (entry);

      gtk_label_set_text (self->partner_label, partner_name);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->partner_button),
                                              g_variant_new_int64 (partner_id));
      gtk_widget_set_visible (self->partner_box, TRUE);
    }

  menu = nb_entry_row_build_menu (entry);
  gtk_menu_button_set_menu_model (self->menu_button, menu);

  return GTK_WIDGET (self);
}

NbEntry *
nb_entry_row_get_entry (NbEntryRow *self)
{
  g_return_val_if_fail (NB_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

GMenuModel *
nb_entry_row_build_menu (NbEntry *entry)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) edits = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  gint64 id;
  NbEntryKind kind;

  g_return_val_if_fail (NB_IS_ENTRY (entry), NULL);

  id = nb_entry_get_id (entry);
  kind = nb_entry_get_kind (entry);

  for (guint i = 0; i < NB_N_STATUSES; i++)
    {
      NbStatus status = (NbStatus) i;
      g_autoptr(GMenuItem) status_item = NULL;

      if (status == NB_STATUS_NONE ||
          status == nb_entry_get_status (entry) ||
          !nb_entry_kind_accepts_status (kind, status))
        continue;

      status_item = g_menu_item_new (get_mark_as_label (status), NULL);
      g_menu_item_set_action_and_target_value (status_item, "person.set-status",
                                               g_variant_new ("(xs)", id, nb_status_to_string (status)));
      g_menu_append_item (statuses, status_item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (statuses)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (statuses));

  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target_value (item, "person.edit-entry", g_variant_new_int64 (id));
  g_menu_append_item (edits, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "person.delete-entry", g_variant_new_int64 (id));
  g_menu_append_item (edits, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

char *
nb_entry_row_dup_due_text (NbEntry    *entry,
                           const char *today_iso,
                           gboolean   *overdue)
{
  g_autofree char *date_long = NULL;
  const char *due;
  int days;
  guint n;

  g_return_val_if_fail (NB_IS_ENTRY (entry), NULL);
  g_return_val_if_fail (today_iso != NULL, NULL);

  due = nb_entry_get_due (entry);
  if (overdue != NULL)
    *overdue = nb_entry_get_status (entry) == NB_STATUS_OPEN && nb_entry_is_overdue (entry, today_iso);

  if (!nb_date_is_valid_iso (due))
    return g_strdup ("");

  days = nb_date_days_between (today_iso, due);
  n = (guint) ABS (days);

  if (days < 0)
    return g_strdup_printf (ngettext ("Overdue by %u day", "Overdue by %u days", n), n);
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));
  if (days < 14)
    return g_strdup_printf (ngettext ("Due in %u day", "Due in %u days", n), n);

  date_long = nb_date_format_long (due);
  /* Translators: "Due 2 June 2024" */
  return g_strdup_printf (_("Due %s"), date_long);
}
