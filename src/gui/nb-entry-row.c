/* nb-entry-row.c: one entry on a person's timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-entry-row.h"

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
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, partner_box);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, partner_button);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, partner_label);
  gtk_widget_class_bind_template_child (widget_class, NbEntryRow, menu_button);
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
  NbEntryRow *self;
  NbEntryKind kind;
  const char *text;

  g_return_val_if_fail (NB_IS_ENTRY (entry), NULL);
  g_return_val_if_fail (today_iso != NULL, NULL);

  self = g_object_new (NB_TYPE_ENTRY_ROW, NULL);
  self->entry = g_object_ref (entry);
  kind = nb_entry_get_kind (entry);
  text = nb_entry_get_text (entry);

  gtk_image_set_from_icon_name (self->kind_icon, nb_entry_kind_get_icon_name (kind));
  gtk_label_set_text (self->kind_label, nb_entry_kind_get_label (kind));
  gtk_label_set_text (self->text_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), *text != '\0');
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
