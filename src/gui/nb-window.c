/* nb-window.c: Netbook's main window: the people list with search,
 * filters and sorting on the side; the agenda, a person's page or their
 * briefing as content; adaptive down to phone width. The actions are in
 * nb-window-actions.c; nb-window-private.h says why there are two
 * templates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-agenda-page.h"
#include "nb-briefing-page.h"
#include "nb-date.h"
#include "nb-gui-util.h"
#include "nb-person-page.h"
#include "nb-person-row.h"
#include "nb-window-private.h"

G_DEFINE_FINAL_TYPE (NbWindow, nb_window, ADW_TYPE_APPLICATION_WINDOW)

/* The smallest height of a row of the people list, in pixels. */
#define MIN_ROW_HEIGHT 32

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_SORT_MODE,
  PROP_FILTER_MODE,
  PROP_FILTER_TAG,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void nb_window_ensure_person_page (NbWindow *self);

/* ---- State --------------------------------------------------------- */

static void
nb_window_save_state (NbWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size is the unmaximized size, which is what we want to
   * restore; a maximized window is remembered by its flag. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
nb_window_restore_state (NbWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* ---- Filtering and sorting ----------------------------------------- */

static gboolean
person_is_going_cold (NbPerson   *person,
                      const char *today)
{
  guint cadence = nb_person_get_cadence_days (person);
  const char *last = nb_person_get_last_contact (person);

  if (cadence == 0 || nb_person_get_archived (person))
    return FALSE;

  if (last[0] == '\0')
    {
      /* Never in touch since we added them: count from the day we met. */
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (nb_person_get_created (person));
      g_autofree char *created_iso = created ? g_date_time_format (created, "%Y-%m-%d") : NULL;
      const char *met = nb_person_get_field (person, NB_PERSON_MET_DATE);

      last = met[0] != '\0' ? met : created_iso;
      if (last == NULL)
        return FALSE;
      return nb_date_days_between (last, today) > (int) cadence;
    }

  return nb_date_days_between (last, today) > (int) cadence;
}

static gboolean
filter_person_func (gpointer item,
                    gpointer user_data)
{
  NbWindow *self = user_data;
  NbPerson *person = item;
  gint64 id = nb_person_get_id (person);

  if (self->search_ranks != NULL && !g_hash_table_contains (self->search_ranks, &id))
    return FALSE;

  if (nb_person_get_archived (person) != self->show_archived)
    return FALSE;

  if (self->filter_tag != NULL && self->filter_tag[0] != '\0' &&
      !nb_person_has_tag (person, self->filter_tag))
    return FALSE;

  if (g_strcmp0 (self->filter_mode, "due") == 0)
    return nb_person_get_due_followups (person) > 0;
  if (g_strcmp0 (self->filter_mode, "cold") == 0)
    return person_is_going_cold (person, self->today);
  if (g_strcmp0 (self->filter_mode, "visibility") == 0)
    return nb_person_get_stage (person) == NB_STAGE_VISIBILITY;
  if (g_strcmp0 (self->filter_mode, "credibility") == 0)
    return nb_person_get_stage (person) == NB_STAGE_CREDIBILITY;
  if (g_strcmp0 (self->filter_mode, "profitability") == 0)
    return nb_person_get_stage (person) == NB_STAGE_PROFITABILITY;

  return TRUE;
}

static int
sort_person_func (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  NbWindow *self = user_data;
  NbPerson *pa = (NbPerson *) a;
  NbPerson *pb = (NbPerson *) b;
  int cmp = 0;

  if (self->search_ranks != NULL)
    {
      gint64 ida = nb_person_get_id (pa), idb = nb_person_get_id (pb);
      double *ra = g_hash_table_lookup (self->search_ranks, &ida);
      double *rb = g_hash_table_lookup (self->search_ranks, &idb);

      if (ra != NULL && rb != NULL && *ra != *rb)
        return *ra < *rb ? -1 : 1;
      return 0;
    }

  if (g_strcmp0 (self->sort_mode, "last-contact") == 0)
    /* Most recent first; never contacted last. */
    cmp = -g_strcmp0 (nb_person_get_last_contact (pa), nb_person_get_last_contact (pb));
  else if (g_strcmp0 (self->sort_mode, "trust") == 0)
    cmp = (int) nb_person_get_trust_score (pb) - (int) nb_person_get_trust_score (pa);

  /* Ties (and "name") keep the store's order, which is by name. */
  return cmp;
}

/* How many people the people list can show before it is scrolled: at
 * the window's height, or a tall screen's when maximized. */
static guint
nb_window_first_screen_rows (NbWindow *self)
{
  int width = 0, height = 0;

  /* Both pointers: GTK 4.8 takes neither as optional. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (height <= 0 ||
      (self->settings != NULL && g_settings_get_boolean (self->settings, "window-maximized")))
    height = 2160;

  return (guint) MIN (height, 4320) / MIN_ROW_HEIGHT + 4;
}

/* TRUE when the list shows everyone in the store's order (by name), so
 * that its first screen needs only the store's first people. */
static gboolean
nb_window_lists_by_name (NbWindow *self)
{
  return g_strcmp0 (self->sort_mode, "name") == 0 &&
         g_strcmp0 (self->filter_mode, "all") == 0 &&
         (self->filter_tag == NULL || self->filter_tag[0] == '\0');
}

static void
nb_window_refilter (NbWindow *self)
{
  guint n_visible;

  if (self->filter == NULL)
    return;

  /* Sorting or filtering by anything else needs everyone. */
  if (!nb_window_lists_by_name (self))
    nb_store_complete_people_model (self->store);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);

  n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  gtk_stack_set_visible_child_name (self->list_stack, n_visible > 0 ? "list" : "no-results");
}

/* ---- Content ------------------------------------------------------- */

static void
nb_window_update_title (NbWindow *self)
{
  g_autoptr(NbPerson) person = NULL;

  if (self->person_id != 0 && self->store != NULL)
    person = nb_store_get_person (self->store, self->person_id, NULL);

  if (person != NULL)
    {
      g_autofree char *subtitle = nb_person_dup_subtitle (person);
      g_autofree char *title = NULL;

      /* AdwWindowTitle takes plain text; the window title is plain too. */
      adw_window_title_set_title (self->content_title, nb_person_get_display_name (person));
      /* Translators: the header's subtitle while a briefing is shown */
      adw_window_title_set_subtitle (self->content_title,
                                     self->view == NB_WINDOW_VIEW_BRIEFING ? _("Briefing") : subtitle);
      /* Translators: the window title while a person is shown */
      title = g_strdup_printf (_("%s – Netbook"), nb_person_get_display_name (person));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_window_title_set_title (self->content_title, _("Today"));
      adw_window_title_set_subtitle (self->content_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Netbook"));
    }

#if ADW_CHECK_VERSION (1, 4, 0)
  /* What the back gesture and screen readers call the page. */
  adw_navigation_page_set_title (self->content_page,
                                 adw_window_title_get_title (self->content_title));
#endif
}

static void
nb_window_update_main_page (NbWindow *self)
{
  GListModel *people;

  if (self->filter_model == NULL)
    return;

  /* The store's people model, maybe only its first people yet. */
  people = gtk_filter_list_model_get_model (self->filter_model);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    g_list_model_get_n_items (people) > 0 ? "main" : "empty");
}

static void
nb_window_update_tags_menu (NbWindow *self)
{
  g_auto(GStrv) tags = NULL;

  g_menu_remove_all (self->tag_section);
  if (self->store == NULL)
    return;

  tags = nb_store_list_tags (self->store, NULL);
  nb_strv_sort_for_display (tags);
  {
    g_autoptr(GMenuItem) any = g_menu_item_new (_("Any Tag"), NULL);

    g_menu_item_set_action_and_target (any, "win.filter-tag", "s", "");
    g_menu_append_item (self->tag_section, any);
  }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

      /* Set the label as an attribute so mnemonics in tags stay literal. */
      g_menu_item_set_attribute (item, "label", "s", tags[i]);
      g_menu_item_set_action_and_target (item, "win.filter-tag", "s", tags[i]);
      g_menu_append_item (self->tag_section, item);
    }
}

void
_nb_window_show (NbWindow     *self,
                 gint64        person_id,
                 NbWindowView  view)
{
  static const char * const page_names[] = { "agenda", "person", "briefing" };

  if (self->store == NULL)
    return;

  if (person_id != 0)
    {
      g_autoptr(NbPerson) person = nb_store_get_person (self->store, person_id, NULL);

      if (person == NULL)
        person_id = 0;
    }
  if (person_id == 0)
    view = NB_WINDOW_VIEW_AGENDA;
  else if (view == NB_WINDOW_VIEW_AGENDA)
    view = NB_WINDOW_VIEW_PERSON;

  self->person_id = person_id;
  self->view = view;

  switch (view)
    {
    case NB_WINDOW_VIEW_PERSON:
      nb_window_ensure_person_page (self);
      nb_person_page_set_person_id (NB_PERSON_PAGE (self->person_page), person_id);
      break;

    case NB_WINDOW_VIEW_BRIEFING:
      nb_briefing_page_set_person_id (NB_BRIEFING_PAGE (self->briefing_page), person_id);
      break;

    case NB_WINDOW_VIEW_AGENDA:
    default:
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      nb_agenda_page_refresh (NB_AGENDA_PAGE (self->agenda_page));
      break;
    }
  gtk_stack_set_visible_child_name (self->content_stack, page_names[view]);

  /* The header offers what the page is for: Brief on a person's page;
   * Print, Export and Edit on their briefing. */
  gtk_widget_set_visible (self->person_menu_button, view == NB_WINDOW_VIEW_PERSON);
  gtk_widget_set_visible (self->brief_button, view == NB_WINDOW_VIEW_PERSON);
  gtk_widget_set_visible (self->briefing_buttons, view == NB_WINDOW_VIEW_BRIEFING);
  nb_window_update_title (self);
  _nb_window_update_actions (self);
  _nb_window_set_show_content (self, TRUE);
}

gboolean
_nb_window_get_collapsed (NbWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  return adw_navigation_split_view_get_collapsed (self->split_view);
#else
  return adw_leaflet_get_folded (self->leaflet);
#endif
}

void
_nb_window_set_show_content (NbWindow *self,
                             gboolean  show_content)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_navigation_split_view_set_show_content (self->split_view, show_content);
#else
  adw_leaflet_set_visible_child (self->leaflet, show_content ? self->content : self->sidebar);
#endif
}

void
nb_window_show_person (NbWindow *self,
                       gint64    person_id)
{
  g_return_if_fail (NB_IS_WINDOW (self));

  _nb_window_show (self, person_id, NB_WINDOW_VIEW_PERSON);
}

void
nb_window_show_briefing (NbWindow *self,
                         gint64    person_id)
{
  g_return_if_fail (NB_IS_WINDOW (self));

  _nb_window_show (self, person_id, NB_WINDOW_VIEW_BRIEFING);
}

gboolean
nb_window_brief (NbWindow   *self,
                 const char *name)
{
  g_autoptr(NbPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  person = nb_store_resolve_person (self->store, name, NULL, &error);
  if (person != NULL)
    {
      nb_window_show_briefing (self, nb_person_get_id (person));
      return TRUE;
    }

  /* Unknown or ambiguous: the candidates, to pick with the arrows and
   * Enter, which opens the briefing. */
  nb_window_search (self, name);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.search", NULL);
  return FALSE;
}

const char *
nb_window_get_view (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

gint64
nb_window_get_person_id (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), 0);

  return self->person_id;
}

void
nb_window_add_toast (NbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

void
_nb_window_toast_error (NbWindow     *self,
                        const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* Errors stay until read. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- Callbacks ----------------------------------------------------- */

static void
on_people_items_changed_cb (NbWindow   *self,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GListModel *model)
{
  nb_window_update_main_page (self);
}

static void
on_store_person_changed_cb (NbWindow *self,
                            gint64    person_id,
                            NbChange  change,
                            NbStore  *store)
{
  nb_window_refilter (self);
  nb_window_update_tags_menu (self);

  if (person_id == self->person_id)
    {
      if (change == NB_CHANGE_REMOVED)
        nb_window_show_person (self, 0);
      else
        {
          nb_window_update_title (self);
          _nb_window_update_actions (self);
        }
    }
}

static void
on_store_entry_changed_cb (NbWindow *self)
{
  /* Summaries (due follow-ups, last contact) feed filters and sorting. */
  nb_window_refilter (self);
}

static void
on_filtered_items_changed_cb (NbWindow *self)
{
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  gtk_stack_set_visible_child_name (self->list_stack, n_visible > 0 ? "list" : "no-results");
}

static void
on_search_entry_changed_cb (NbWindow       *self,
                            GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_ranks, g_hash_table_unref);

  if (stripped[0] != '\0' && self->store != NULL)
    {
      /* The list holds everyone already: their ids are enough. */
      ids = nb_store_search_ids (self->store, stripped, &error);
      if (ids == NULL)
        {
          g_warning ("Search failed: %s", error->message);
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }

      self->search_ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 *key = g_new (gint64, 1);
          double *rank = g_new (double, 1);

          *key = g_array_index (ids, gint64, i);
          /* Keep the store's order: it already ranks best first. */
          *rank = i;
          g_hash_table_replace (self->search_ranks, key, rank);
        }
    }

  nb_window_refilter (self);
}

static void
on_search_entry_activated_cb (NbWindow       *self,
                              GtkSearchEntry *entry)
{
  g_autoptr(NbPerson) first = NULL;

  /* Enter opens the best match's briefing: from launch, a name and
   * Enter, and you are ready for the meeting. */
  first = g_list_model_get_item (G_LIST_MODEL (self->sort_model), 0);
  if (first == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  nb_window_show_briefing (self, nb_person_get_id (first));
}

static void
on_search_entry_stopped_cb (NbWindow       *self,
                            GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_people_list_activated_cb (NbWindow    *self,
                             guint        position,
                             GtkListView *list)
{
  g_autoptr(NbPerson) person = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (person != NULL)
    nb_window_show_person (self, nb_person_get_id (person));
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (item, nb_person_row_new ());
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  nb_person_row_set_person (NB_PERSON_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  nb_person_row_set_person (NB_PERSON_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_page_open_person_cb (NbWindow *self,
                        gint64    person_id)
{
  nb_window_show_person (self, person_id);
}

static void
on_page_toast_cb (NbWindow *self,
                  AdwToast *toast)
{
  nb_window_add_toast (self, toast);
}

static void
on_agenda_n_overdue_changed_cb (NbWindow *self)
{
  guint n = nb_agenda_page_get_n_overdue (NB_AGENDA_PAGE (self->agenda_page));
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Today"));
  else
    /* Translators: the sidebar's summary row */
    text = g_strdup_printf (ngettext ("Today · %'u follow-up overdue",
                                      "Today · %'u follow-ups overdue", n), n);
  gtk_label_set_text (self->today_label, text);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->today_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->today_label), "warning");
}

/* ---- Overrides ----------------------------------------------------- */

static gboolean
nb_window_close_request (GtkWindow *window)
{
  nb_window_save_state (NB_WINDOW (window));

  return GTK_WINDOW_CLASS (nb_window_parent_class)->close_request (window);
}

static void
nb_window_ensure_person_page (NbWindow *self)
{
  if (self->person_page != NULL)
    return;

  self->person_page = nb_person_page_new (self->store);
  gtk_stack_add_named (self->content_stack, self->person_page, "person");
  g_signal_connect_object (self->person_page, "open-person",
                           G_CALLBACK (on_page_open_person_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person_page, "toast",
                           G_CALLBACK (on_page_toast_cb), self, G_CONNECT_SWAPPED);
}

/* What the first frame does not show, made once it is painted: the
 * agenda below its follow-ups, the people after the list's first
 * screen, the tags of the filter menu, the person page. At default
 * priority, not idle: redraws of an animation would put it off for as
 * long as they last. The store's page cache is emptied after each
 * reading (the first screen's, the agenda's indexes; the people model
 * does it itself after reading everyone), so that what comes next is
 * made in the memory those pages held instead of on top of it: 5 MiB
 * less at the peak with a large notebook. */
static gboolean
finish_startup_cb (gpointer user_data)
{
  NbWindow *self = user_data;

  self->finish_startup_id = 0;
  nb_store_release_memory (self->store);
  nb_agenda_page_complete (NB_AGENDA_PAGE (self->agenda_page));
  nb_store_release_memory (self->store);
  nb_store_complete_people_model (self->store);
  nb_window_update_tags_menu (self);
  nb_window_ensure_person_page (self);

  return G_SOURCE_REMOVE;
}

static void
on_first_frame_painted_cb (NbWindow      *self,
                           GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, self);
  if (self->finish_startup_id == 0)
    self->finish_startup_id = g_idle_add_full (G_PRIORITY_DEFAULT, finish_startup_cb,
                                               self, NULL);
}

static void
on_window_map_cb (NbWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_window_map_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame_painted_cb), self, G_CONNECT_SWAPPED);
}

/* netbook-cli (or another copy of the app) wrote to the notebook: the
 * store has read its models again; what the window shows beside them
 * follows. The person shown may be gone. */
static void
on_store_changed_outside_cb (NbWindow *self)
{
  nb_window_refilter (self);
  nb_window_update_tags_menu (self);
  nb_window_update_main_page (self);

  if (self->person_id != 0)
    {
      g_autoptr(NbPerson) person = nb_store_get_person (self->store, self->person_id, NULL);

      if (person == NULL)
        nb_window_show_person (self, 0);
      else
        nb_window_update_title (self);
    }
  _nb_window_update_actions (self);
}

/* Coming back to the front is when the user may have used netbook-cli
 * meanwhile. */
static void
on_is_active_changed_cb (NbWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    nb_store_check_outside_changes (self->store);
}

static void
nb_window_setup_store (NbWindow *self)
{
  g_autoptr(GListModel) people = NULL;
  GtkListItemFactory *factory;

  /* A large notebook takes a few hundred milliseconds to list with its
   * summaries: the window opens with those its first screen shows (a
   * seek into the store's name index) and reads the rest once that
   * screen is painted. */
  if (nb_window_lists_by_name (self))
    people = nb_store_get_people_model_first (self->store, nb_window_first_screen_rows (self));
  else
    people = nb_store_get_people_model (self->store);
  g_signal_connect (self, "map", G_CALLBACK (on_window_map_cb), self);

  self->filter = gtk_custom_filter_new (filter_person_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_person_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (people),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_row_unbind_cb), NULL);
  gtk_list_view_set_factory (self->people_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->people_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (people, "items-changed",
                           G_CALLBACK (on_people_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (on_filtered_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "person-changed",
                           G_CALLBACK (on_store_person_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "entry-changed",
                           G_CALLBACK (on_store_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed-outside",
                           G_CALLBACK (on_store_changed_outside_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed_cb), NULL);

  self->agenda_page = nb_agenda_page_new_first_screen (self->store);
  gtk_stack_add_named (self->content_stack, self->agenda_page, "agenda");
  g_signal_connect_object (self->agenda_page, "open-person",
                           G_CALLBACK (on_page_open_person_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda_page, "toast",
                           G_CALLBACK (on_page_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda_page, "notify::n-overdue",
                           G_CALLBACK (on_agenda_n_overdue_changed_cb), self, G_CONNECT_SWAPPED);

  self->briefing_page = nb_briefing_page_new (self->store);
  gtk_stack_add_named (self->content_stack, self->briefing_page, "briefing");
  g_signal_connect_object (self->briefing_page, "open-person",
                           G_CALLBACK (on_page_open_person_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->briefing_page, "toast",
                           G_CALLBACK (on_page_toast_cb), self, G_CONNECT_SWAPPED);

  on_agenda_n_overdue_changed_cb (self);
  nb_window_update_main_page (self);
  nb_window_refilter (self);

  /* Start on the agenda, but with the list in front on a phone. */
  self->person_id = 0;
  self->view = NB_WINDOW_VIEW_AGENDA;
  gtk_stack_set_visible_child_name (self->content_stack, "agenda");
  gtk_widget_set_visible (self->person_menu_button, FALSE);
  gtk_widget_set_visible (self->brief_button, FALSE);
  gtk_widget_set_visible (self->briefing_buttons, FALSE);
  nb_window_update_title (self);
  _nb_window_update_actions (self);
  _nb_window_set_show_content (self, FALSE);
  _nb_window_offer_capture_draft (self);
}

static void
nb_window_constructed (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  G_OBJECT_CLASS (nb_window_parent_class)->constructed (object);

  nb_window_restore_state (self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  if (self->store != NULL)
    nb_window_setup_store (self);
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      _nb_window_update_actions (self);
    }
}

static void
nb_window_dispose (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_handle_id (&self->finish_startup_id, g_source_remove);
  if (self->people_list != NULL)
    gtk_list_view_set_model (self->people_list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (nb_window_parent_class)->dispose (object);
}

static void
nb_window_finalize (GObject *object)
{
  NbWindow *self = NB_WINDOW (object);

  g_clear_pointer (&self->search_ranks, g_hash_table_unref);
  g_clear_pointer (&self->sort_mode, g_free);
  g_clear_pointer (&self->filter_mode, g_free);
  g_clear_pointer (&self->filter_tag, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nb_window_parent_class)->finalize (object);
}

static void
set_string_prop (NbWindow     *self,
                 char        **field,
                 const GValue *value,
                 guint         prop_id)
{
  if (g_strcmp0 (*field, g_value_get_string (value)) == 0)
    return;

  g_free (*field);
  *field = g_value_dup_string (value);
  nb_window_refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
nb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SORT_MODE:
      set_string_prop (self, &self->sort_mode, value, prop_id);
      break;

    case PROP_FILTER_MODE:
      set_string_prop (self, &self->filter_mode, value, prop_id);
      break;

    case PROP_FILTER_TAG:
      set_string_prop (self, &self->filter_tag, value, prop_id);
      break;

    case PROP_SHOW_ARCHIVED:
      if (self->show_archived != g_value_get_boolean (value))
        {
          self->show_archived = g_value_get_boolean (value);
          nb_window_refilter (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SORT_MODE:
      g_value_set_string (value, self->sort_mode);
      break;

    case PROP_FILTER_MODE:
      g_value_set_string (value, self->filter_mode);
      break;

    case PROP_FILTER_TAG:
      g_value_set_string (value, self->filter_tag);
      break;

    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_class_init (NbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = nb_window_constructed;
  object_class->dispose = nb_window_dispose;
  object_class->finalize = nb_window_finalize;
  object_class->get_property = nb_window_get_property;
  object_class->set_property = nb_window_set_property;

  window_class->close_request = nb_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SORT_MODE] =
    g_param_spec_string ("sort-mode", NULL, NULL,
                         "name",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER_MODE] =
    g_param_spec_string ("filter-mode", NULL, NULL,
                         "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILTER_TAG] =
    g_param_spec_string ("filter-tag", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

#if ADW_CHECK_VERSION (1, 4, 0)
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-window-split.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, content_page);
#else
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Netbook/nb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, content);
#endif
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, empty_page);
  /* Only for gtk_widget_get_template_child(): see init. */
  gtk_widget_class_bind_template_child_full (widget_class, "no_results_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "error_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, today_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, person_menu_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, brief_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, briefing_buttons);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, error_quit_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, tag_section);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_people_list_activated_cb);

  _nb_window_install_actions (widget_class);
  _nb_window_install_capture_actions (widget_class);
}

static void
nb_window_init (NbWindow *self)
{
  const char * const status_pages[] = { "empty_page", "no_results_page", "error_page" };

  self->sort_mode = g_strdup ("name");
  self->filter_mode = g_strdup ("all");
  self->filter_tag = g_strdup ("");
  self->today = nb_date_today_iso ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (status_pages); i++)
    nb_status_page_defer_icon (ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self), NB_TYPE_WINDOW, status_pages[i])));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

NbWindow *
nb_window_new (AdwApplication *application,
               GSettings      *settings,
               NbStore        *store)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || NB_IS_STORE (store), NULL);

  return g_object_new (NB_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "store", store,
                       NULL);
}

NbStore *
nb_window_get_store (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  return self->store;
}

void
nb_window_show_store_error (NbWindow     *self,
                            const GError *error)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* The store's message names the file, what is wrong and what to do;
   * shown as plain text, selectable so the path can be copied. */
  gtk_label_set_text (self->error_label, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  /* Focus on what the page offers. Left to GTK, focus goes to the first
   * focusable widget, which from libadwaita 1.4 (AdwToolbarView puts
   * the content before the header bar) is the message, selected whole. */
  gtk_widget_grab_focus (self->error_quit_button);
}

GListModel *
nb_window_get_visible_people (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  /* Everyone the list shows, not only its first screen. */
  if (self->store != NULL)
    nb_store_complete_people_model (self->store);

  return G_LIST_MODEL (self->sort_model);
}

void
nb_window_search (NbWindow   *self,
                  const char *text)
{
  g_return_if_fail (NB_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Don't wait for the entry's search delay. */
  on_search_entry_changed_cb (self, self->search_entry);
}
