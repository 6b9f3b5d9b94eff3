/* cb-draft.c: unsaved changes kept on disk for recovery after a crash
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts live in <user data dir>/coursebridge/drafts as <id>.coursebridge
 * (the serialised project) beside <id>.json (where it came from, when it
 * was written and which content of the original file it is based on).
 * They are written in a worker thread; a counter shared with the thread
 * makes sure a stale write never lands after a newer write or a removal.
 *
 * A document decides when its draft is written or removed (cb-document.c);
 * this file knows where drafts are kept and how they are written, read
 * back and listed.
 */

#define G_LOG_DOMAIN "cb-document"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cb-document-private.h"
#include "cb-project-private.h"

#define DRAFT_SUFFIX ".coursebridge"
#define SIDECAR_SUFFIX ".json"

/* Where drafts are kept */

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "coursebridge", "drafts", NULL);
}

static char *
draft_file_path (const char *id,
                 const char *suffix)
{
  g_autofree char *dir = drafts_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The drafts of documents open in this process are theirs, not leftovers
 * of a crash: cb_document_list_drafts() does not offer them. */
G_LOCK_DEFINE_STATIC (live_drafts);
static GHashTable *live_drafts;

gboolean
_cb_draft_live_add (const char *id)
{
  gboolean added;

  G_LOCK (live_drafts);
  if (live_drafts == NULL)
    live_drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  added = g_hash_table_add (live_drafts, g_strdup (id));
  G_UNLOCK (live_drafts);
  return added;
}

void
_cb_draft_live_remove (const char *id)
{
  G_LOCK (live_drafts);
  if (live_drafts != NULL)
    {
      g_hash_table_remove (live_drafts, id);
      if (g_hash_table_size (live_drafts) == 0)
        g_clear_pointer (&live_drafts, g_hash_table_unref);
    }
  G_UNLOCK (live_drafts);
}

gboolean
_cb_draft_live_contains (const char *id)
{
  gboolean found;

  G_LOCK (live_drafts);
  found = live_drafts != NULL && g_hash_table_contains (live_drafts, id);
  G_UNLOCK (live_drafts);
  return found;
}

/* Shared between a document and its draft writes, which may outlive it. */
struct _CbDraftLock
{
  GMutex mutex;   /* held while the draft files are written or removed */
  gint serial;    /* the newest request, a write or a removal (atomic) */
};

static void
draft_lock_clear (gpointer data)
{
  CbDraftLock *lock = data;

  g_mutex_clear (&lock->mutex);
}

CbDraftLock *
_cb_draft_lock_new (void)
{
  CbDraftLock *lock = g_atomic_rc_box_new0 (CbDraftLock);

  g_mutex_init (&lock->mutex);
  return lock;
}

void
_cb_draft_lock_unref (CbDraftLock *lock)
{
  g_atomic_rc_box_release_full (lock, draft_lock_clear);
}

typedef struct
{
  CbDraftLock *lock;
  gint serial;
  char *content_path;
  char *sidecar_path;
  GBytes *content;
  char *sidecar;
} DraftJob;

static void
draft_job_free (DraftJob *job)
{
  _cb_draft_lock_unref (job->lock);
  g_free (job->content_path);
  g_free (job->sidecar_path);
  g_bytes_unref (job->content);
  g_free (job->sidecar);
  g_free (job);
}

static void
unlink_quietly (const char *path)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the draft “%s”: %s", path, g_strerror (errno));
}

static void
write_draft_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DraftJob *job = task_data;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&job->lock->mutex);
  g_autofree char *dir = NULL;
  GError *error = NULL;
  gsize length;
  const char *data;

  /* A newer draft or a removal was asked for meanwhile: this one is stale. */
  if (g_atomic_int_get (&job->lock->serial) != job->serial)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  dir = g_path_get_dirname (job->content_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s: %s", dir, g_strerror (saved_errno));
      return;
    }

  /* The project first: a sidecar always describes a complete draft. */
  data = g_bytes_get_data (job->content, &length);
  if (!g_file_set_contents_full (job->content_path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error) ||
      !g_file_set_contents_full (job->sidecar_path, job->sidecar, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_draft_written (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* A failed draft costs nothing until a crash; the edits are still in
   * memory and the next change tries again. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write a draft for crash recovery: %s", error->message);
}

/* A document's draft */

static char *
build_sidecar (GFile      *file,
               const char *title,
               const char *content_hash)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *now = cb_timestamp_now ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "content_hash");
  if (content_hash != NULL)
    json_builder_add_string_value (builder, content_hash);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

void
_cb_draft_write (CbDraftLock *lock,
                 const char  *id,
                 CbProject   *project,
                 GFile       *file,
                 const char  *title)
{
  g_autoptr (GTask) task = NULL;
  DraftJob *job;

  job = g_new0 (DraftJob, 1);
  job->lock = g_atomic_rc_box_acquire (lock);
  job->serial = g_atomic_int_add (&lock->serial, 1) + 1;
  job->content_path = draft_file_path (id, DRAFT_SUFFIX);
  job->sidecar_path = draft_file_path (id, SIDECAR_SUFFIX);
  job->content = cb_project_serialize (project);
  job->sidecar = build_sidecar (file, title, _cb_project_get_content_hash (project));
  g_debug ("Writing draft %s", id);

  /* The task does not hold the document: a draft outlives a document that
   * is dropped without being saved or discarded, as after a crash. */
  task = g_task_new (NULL, NULL, on_draft_written, NULL);
  g_task_set_source_tag (task, _cb_draft_write);
  g_task_set_task_data (task, job, (GDestroyNotify) draft_job_free);
  g_task_run_in_thread (task, write_draft_thread);
}

void
_cb_draft_remove (CbDraftLock *lock,
                  const char  *id)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autofree char *content_path = NULL;
  g_autofree char *sidecar_path = NULL;

  /* Any write still queued is stale from now on; one that is running
   * holds the lock, so the files are removed after it. */
  g_atomic_int_inc (&lock->serial);
  content_path = draft_file_path (id, DRAFT_SUFFIX);
  sidecar_path = draft_file_path (id, SIDECAR_SUFFIX);
  locker = g_mutex_locker_new (&lock->mutex);
  unlink_quietly (content_path);
  unlink_quietly (sidecar_path);
  g_debug ("Removed draft %s", id);
}

/* CbDraft */

struct _CbDraft
{
  GObject parent_instance;

  char *id;
  char *path;          /* the draft's project */
  char *sidecar_path;
  char *title;
  GFile *file;         /* the original file, if any */
  char *content_hash;  /* of the original file when the draft was based on it */
  GDateTime *saved;
};

G_DEFINE_FINAL_TYPE (CbDraft, cb_draft, G_TYPE_OBJECT)

static void
cb_draft_finalize (GObject *object)
{
  CbDraft *self = CB_DRAFT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->sidecar_path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->content_hash, g_free);
  g_clear_pointer (&self->saved, g_date_time_unref);

  G_OBJECT_CLASS (cb_draft_parent_class)->finalize (object);
}

static void
cb_draft_class_init (CbDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_draft_finalize;
}

static void
cb_draft_init (CbDraft *self)
{
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Fills in what the sidecar says. A sidecar that cannot be read leaves the
 * draft without an original file: it can still be recovered and saved
 * under a new name, and it is never deleted behind the user's back. */
static void
read_sidecar (CbDraft *self)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *uri;
  const char *saved;

  if (!json_parser_load_from_file (parser, self->sidecar_path, &error))
    {
      g_debug ("Draft %s has no readable description: %s", self->id, error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);

  self->title = g_strdup (get_string_member (object, "title"));
  saved = get_string_member (object, "saved");
  if (saved != NULL)
    self->saved = g_date_time_new_from_iso8601 (saved, NULL);
  uri = get_string_member (object, "file");
  if (uri != NULL && g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    {
      const char *hash = get_string_member (object, "content_hash");

      self->file = g_file_new_for_uri (uri);
      /* Without the content it was based on, any file there counts as
       * changed by someone else: the user is asked before it is replaced. */
      self->content_hash = g_strdup (hash != NULL ? hash : "");
    }
}

static CbDraft *
cb_draft_new (const char *id)
{
  CbDraft *self = g_object_new (CB_TYPE_DRAFT, NULL);

  self->id = g_strdup (id);
  self->path = draft_file_path (id, DRAFT_SUFFIX);
  self->sidecar_path = draft_file_path (id, SIDECAR_SUFFIX);
  read_sidecar (self);
  if (self->saved == NULL)
    {
      GStatBuf st;

      if (g_stat (self->path, &st) == 0)
        self->saved = g_date_time_new_from_unix_utc (st.st_mtime);
      else
        self->saved = g_date_time_new_now_utc ();
    }
  return self;
}

const char *
cb_draft_get_id (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->id;
}

/**
 * cb_draft_get_title:
 *
 * Returns: (nullable): the title of the document when the draft was
 * written, or %NULL when its description could not be read
 */
const char *
cb_draft_get_title (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->title;
}

/**
 * cb_draft_get_file:
 *
 * Returns: (transfer none) (nullable): the file the edits belong to, or
 * %NULL for a project that was never saved (or an unreadable description)
 */
GFile *
cb_draft_get_file (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->file;
}

/**
 * cb_draft_get_saved:
 *
 * Returns: (transfer none): when the draft was written
 */
GDateTime *
cb_draft_get_saved (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->saved;
}

/**
 * cb_draft_get_path:
 *
 * Returns: the path of the draft's project file
 */
const char *
cb_draft_get_path (CbDraft *self)
{
  g_return_val_if_fail (CB_IS_DRAFT (self), NULL);
  return self->path;
}

/**
 * cb_draft_delete:
 *
 * Removes the draft and its description, once the user chose not to
 * recover it.
 */
void
cb_draft_delete (CbDraft *self)
{
  g_return_if_fail (CB_IS_DRAFT (self));

  unlink_quietly (self->path);
  unlink_quietly (self->sidecar_path);
}

const char *
_cb_draft_get_content_hash (CbDraft *self)
{
  return self->content_hash;
}

/* Drafts left behind */

static int
compare_drafts_newest_first (gconstpointer a,
                             gconstpointer b)
{
  CbDraft *draft_a = *(CbDraft **) a;
  CbDraft *draft_b = *(CbDraft **) b;

  return g_date_time_compare (draft_b->saved, draft_a->saved);
}

/**
 * cb_document_list_drafts:
 *
 * Finds the drafts left by documents that were neither saved nor
 * discarded, such as after a crash. Drafts of documents open in this
 * process are not listed.
 *
 * Returns: (transfer full) (element-type CbDraft): the drafts, newest first
 */
GPtrArray *
cb_document_list_drafts (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = drafts_dir ();
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return drafts;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      gsize length = strlen (name);

      /* Temporary files of a write under way end in a random suffix. */
      if (length <= strlen (DRAFT_SUFFIX) || !g_str_has_suffix (name, DRAFT_SUFFIX))
        continue;
      id = g_strndup (name, length - strlen (DRAFT_SUFFIX));
      if (_cb_draft_live_contains (id))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (drafts, cb_draft_new (id));
    }
  g_ptr_array_sort (drafts, compare_drafts_newest_first);
  return drafts;
}
