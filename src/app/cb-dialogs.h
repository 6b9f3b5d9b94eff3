/* cb-dialogs.h: the questions the app asks, as async calls
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  CB_RESPONSE_CANCEL,
  CB_RESPONSE_SAVE,
  CB_RESPONSE_DISCARD,
  CB_RESPONSE_RELOAD,
} CbResponse;

void   cb_show_error                 (GtkWindow           *parent,
                                      const char          *heading,
                                      const char          *body);
void   cb_ask_save_changes_async     (GtkWindow           *parent,
                                      const char          *title,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void   cb_ask_changed_on_disk_async  (GtkWindow           *parent,
                                      const char          *title,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
int    cb_ask_finish                 (GAsyncResult        *result);

void   cb_choose_save_file_async     (GtkWindow           *parent,
                                      const char          *suggested_name,
                                      GFile               *current,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void   cb_choose_open_files_async    (GtkWindow           *parent,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void   cb_choose_folder_async        (GtkWindow           *parent,
                                      const char          *title,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GFile *cb_choose_file_finish         (GAsyncResult        *result);
GListModel *cb_choose_files_finish   (GAsyncResult        *result);

/* For tests: answer the next question without showing it. */
void   cb_dialogs_set_test_answer    (int                  response,
                                      GFile               *file);

G_END_DECLS
