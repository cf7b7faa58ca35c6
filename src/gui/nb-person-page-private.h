/* nb-person-page-private.h: what the files of NbPersonPage share.
 *
 * nb-person-page.c is the widget: what it shows and how it follows the
 * store; nb-person-page-actions.c is what the user does on it: the
 * "person.*" actions, the composer, status changes and their undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-composer.h"
#include "nb-person-card.h"
#include "nb-person-page.h"
#include "nb-trust-meter.h"

G_BEGIN_DECLS

struct _NbPersonPage
{
  AdwBin            parent_instance;

  NbStore          *store;
  gint64            person_id;
  NbPerson         *person;
  GListModel       *timeline;
  GtkCustomFilter  *filters[4];   /* dreams, challenges, needs, follow-ups */
  GPtrArray        *fades;        /* AdwAnimation* of rows fading out */
  char             *today;
  gboolean          compact;
  guint             compact_source;
  gboolean          disposing;

  /* Template widgets */
  GtkStack         *stack;
  GtkScrolledWindow *scroller;
  AdwAvatar        *avatar;
  GtkLabel         *name_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *met_label;
  GtkWidget        *introduced_box;
  GtkWidget        *introduced_button;
  GtkLabel         *introduced_label;
  NbTrustMeter     *meter;
  GtkListBox       *dreams_list;
  GtkListBox       *challenges_list;
  GtkListBox       *needs_list;
  GtkListBox       *followups_list;
  GtkMenuButton    *add_entry_button;
  GtkRevealer      *composer_revealer;
  NbComposer       *composer;
  GtkListBox       *timeline_list;
  GtkWidget        *timeline_empty;
  NbPersonCard     *card;
};

/* ---- nb-person-page.c ------------------------------------------------- */

/* Takes ownership of @toast. */
void       _nb_person_page_show_toast         (NbPersonPage *self,
                                               AdwToast     *toast);
void       _nb_person_page_emit_open_person   (NbPersonPage *self,
                                               gint64        person_id);

/* ---- nb-person-page-actions.c ----------------------------------------- */

void       _nb_person_page_install_actions    (GtkWidgetClass *widget_class);
void       _nb_person_page_setup_add_entry_menu (NbPersonPage *self);
void       _nb_person_page_show_error         (NbPersonPage *self,
                                               const char   *message);
/* Fades @row (in a group) out, then sets the status, with an undo toast. */
void       _nb_person_page_fade_then_set_status (NbPersonPage *self,
                                                 GtkWidget    *row,
                                                 gint64        entry_id,
                                                 NbStatus      status,
                                                 NbStatus      old_status);
/* Runs every fade still under way to its end (the statuses are set). */
void       _nb_person_page_finish_fades       (NbPersonPage *self);
void       _nb_person_page_close_composer     (NbPersonPage *self);
void       _nb_person_page_open_composer      (NbPersonPage *self);

G_END_DECLS
