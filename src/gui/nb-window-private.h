/* nb-window-private.h: what the files of NbWindow share.
 *
 * nb-window.c is the window: the people list with search, filters and
 * sorting, and which page the content shows; nb-window-actions.c is
 * what the user does from it: the "win.*" actions and their shortcuts.
 *
 * Two templates lay the window out: ui/nb-window.ui with AdwLeaflet for
 * libadwaita 1.2 and 1.3 (Debian 12), ui/nb-window-split.ui with
 * AdwNavigationSplitView and a breakpoint from 1.4 on, where AdwLeaflet
 * is deprecated. Only the fields below, the two helpers that fold and
 * unfold, and the content page's title differ; the rest is shared, and
 * tests/gui/test-window.c checks the templates offer the same widgets,
 * actions and words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-window.h"

G_BEGIN_DECLS

/* What the content pane shows. */
typedef enum {
  NB_WINDOW_VIEW_AGENDA,
  NB_WINDOW_VIEW_PERSON,
  NB_WINDOW_VIEW_BRIEFING,
} NbWindowView;

struct _NbWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  NbStore              *store;
  /* Makes what the first frame did not need (finish_startup_cb()). */
  guint                 finish_startup_id;

  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkSingleSelection   *selection;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  /* person id → search rank, while a search is active */
  GHashTable           *search_ranks;
  char                 *sort_mode;
  char                 *filter_mode;
  char                 *filter_tag;
  gboolean              show_archived;
  char                 *today;
  gint64                person_id;
  NbWindowView          view;

  GtkWidget            *agenda_page;
  GtkWidget            *person_page;
  GtkWidget            *briefing_page;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
#if ADW_CHECK_VERSION (1, 4, 0)
  AdwNavigationSplitView *split_view;
  AdwNavigationPage    *content_page;
#else
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
#endif
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *today_label;
  GtkStack             *list_stack;
  GtkListView          *people_list;
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  GtkWidget            *person_menu_button;
  GtkWidget            *brief_button;
  GtkWidget            *briefing_buttons;
  GtkLabel             *error_label;
  GtkWidget            *error_quit_button;
  GMenu                *tag_section;
};

/* ---- nb-window.c ------------------------------------------------------ */

/* Shows @person_id (0 = the agenda) as @view. */
void  _nb_window_show              (NbWindow       *self,
                                    gint64          person_id,
                                    NbWindowView    view);
/* Whether the list and the content take turns (a phone) rather than
 * being side by side. */
gboolean _nb_window_get_collapsed  (NbWindow       *self);
/* Which of the two is in front when they take turns. */
void  _nb_window_set_show_content  (NbWindow       *self,
                                    gboolean        show_content);
/* Errors stay until read; the message is escaped. */
void  _nb_window_toast_error       (NbWindow       *self,
                                    const GError   *error);

/* ---- nb-window-actions.c ---------------------------------------------- */

void  _nb_window_install_actions   (GtkWidgetClass *widget_class);
/* Enables what makes sense for who is shown, and how. */
void  _nb_window_update_actions    (NbWindow       *self);

/* ---- nb-window-capture.c ---------------------------------------------- */

/* "win.quick-capture" (Ctrl+Shift+N) and "win.continue-capture". */
void  _nb_window_install_capture_actions (GtkWidgetClass *widget_class);
/* At start-up: a toast to continue an unfinished capture, if any. */
void  _nb_window_offer_capture_draft     (NbWindow       *self);

G_END_DECLS
