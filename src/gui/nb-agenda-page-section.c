/* nb-agenda-page-section.c: one list of the agenda page, shown a few
 * rows at a time (see nb-agenda-page-section.h).
 *
 * The list box is bound to a small GListStore of the items shown plus,
 * when more remain, one marker item whose row reads "Show 50 More". A
 * refresh replaces that store in one splice, so the list box builds at
 * most as many rows as are shown; "Show More" splices the next items in
 * before the marker, so the rows already built stay (and so does the
 * focus, until it moves to the first new row).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "nb-agenda-page-private.h"
#include "nb-agenda-page-section.h"

/* ---- Helpers ----------------------------------------------------------- */

static guint
section_n_items (NbAgendaSection *section)
{
  return section->items != NULL ? section->items->len : 0;
}

/* How many items get a row: up to the limit, but never a "Show 1 More"
 * row that takes the place of the one row it would show. */
static guint
section_n_to_show (NbAgendaSection *section)
{
  guint n = section_n_items (section);

  return n <= section->limit + 1 ? n : section->limit;
}

/* Items @from to @to of the section, then the marker if more remain:
 * what the shown store holds from position @from on. */
static GPtrArray *
section_dup_tail (NbAgendaSection *section,
                  guint            from,
                  guint            to)
{
  GPtrArray *tail = g_ptr_array_sized_new (to - from + 1);

  for (guint i = from; i < to; i++)
    g_ptr_array_add (tail, g_ptr_array_index (section->items, i));
  if (to < section_n_items (section))
    g_ptr_array_add (tail, section->more);

  return tail;
}

static GtkWidget *
new_more_row (NbAgendaSection *section)
{
  guint n_shown = section_n_to_show (section);
  guint n_hidden = section_n_items (section) - n_shown;
  g_autofree char *label_text = NULL;
  g_autofree char *shown_text = NULL;
  GtkWidget *row, *label;

  label_text = _nb_agenda_dup_show_more (MIN (n_hidden, NB_AGENDA_SECTION_STEP));
  shown_text = _nb_agenda_dup_shown_of (n_shown, section_n_items (section));

  /* A plain row, not an AdwActionRow: it is a command, not an item, and
   * reads like the "Show More" rows of GNOME Software. */
  label = gtk_label_new (label_text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 15);
  gtk_widget_set_margin_bottom (label, 15);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "nb-show-more");
  gtk_widget_set_tooltip_text (row, shown_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown_text,
                                  -1);
  return row;
}

/* ---- Callbacks --------------------------------------------------------- */

static GtkWidget *
create_section_row_cb (gpointer item,
                       gpointer user_data)
{
  NbAgendaSection *section = user_data;

  if (item == section->more)
    return new_more_row (section);

  return section->create_row (item, section->user_data);
}

/* ---- Internal API ------------------------------------------------------ */

void
_nb_agenda_section_init (NbAgendaSection            *section,
                         GtkListBox                 *list,
                         GtkListBoxCreateWidgetFunc  create_row,
                         gpointer                    user_data)
{
  g_assert (GTK_IS_LIST_BOX (list));
  g_assert (create_row != NULL);

  section->list = list;
  section->shown = g_list_store_new (G_TYPE_OBJECT);
  section->items = NULL;
  section->more = g_object_new (G_TYPE_OBJECT, NULL);
  section->limit = NB_AGENDA_SECTION_FIRST;
  section->create_row = create_row;
  section->user_data = user_data;

  gtk_list_box_bind_model (list, G_LIST_MODEL (section->shown),
                           create_section_row_cb, section, NULL);
}

void
_nb_agenda_section_clear (NbAgendaSection *section)
{
  /* The list box may outlive us by a little (template disposal). */
  if (section->list != NULL)
    gtk_list_box_bind_model (section->list, NULL, NULL, NULL, NULL);
  section->list = NULL;

  g_clear_object (&section->shown);
  g_clear_object (&section->more);
  g_clear_pointer (&section->items, g_ptr_array_unref);
}

void
_nb_agenda_section_set_items (NbAgendaSection *section,
                              GPtrArray       *items)
{
  g_autoptr(GPtrArray) shown = NULL;

  g_clear_pointer (&section->items, g_ptr_array_unref);
  section->items = items;

  /* One splice: the list box drops every row and builds the shown ones. */
  shown = section_dup_tail (section, 0, section_n_to_show (section));
  g_list_store_splice (section->shown, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (section->shown)),
                       shown->pdata, shown->len);
}

guint
_nb_agenda_section_get_n_items (NbAgendaSection *section)
{
  return section_n_items (section);
}

guint
_nb_agenda_section_get_n_shown (NbAgendaSection *section)
{
  return section_n_to_show (section);
}

void
_nb_agenda_section_show_more (NbAgendaSection *section)
{
  g_autoptr(GPtrArray) tail = NULL;
  guint old_shown = section_n_to_show (section);
  guint new_shown;
  GtkListBoxRow *first_new;

  if (old_shown >= section_n_items (section))
    return;

  section->limit = old_shown + NB_AGENDA_SECTION_STEP;
  new_shown = section_n_to_show (section);

  /* Replace the marker (its row's words change) with the new items and,
   * if some still remain, a new marker. */
  tail = section_dup_tail (section, old_shown, new_shown);
  g_list_store_splice (section->shown, old_shown, 1, tail->pdata, tail->len);

  /* The "Show More" row had the focus and is gone: keyboard users go on
   * reading where the new rows begin. */
  first_new = gtk_list_box_get_row_at_index (section->list, (int) old_shown);
  if (first_new != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first_new));
}

gpointer
_nb_agenda_section_get_item (NbAgendaSection *section,
                             GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= section_n_to_show (section))
    return NULL;

  return g_ptr_array_index (section->items, index);
}
