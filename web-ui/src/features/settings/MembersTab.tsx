import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MailPlus, UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Invitation, Member, NewInvitation, Page, ProjectRole } from '../../api/types';
import { api, useMe } from '../../app/api';
import { ConfirmButton, CopyButton, MutationError, SelectField, TextField, tdClass, thClass } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';
import { grantableRoles } from './settingsLogic';

function MemberRow({ member, projectPath, myRole, meId }: { member: Member; projectPath: string; myRole: ProjectRole | null; meId: string | undefined }) {
  const queryClient = useQueryClient();
  const roles = grantableRoles(myRole);
  // an admin can neither promote to nor touch an owner
  const editable = roles.includes(member.role);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['settings', 'members'] });
  const change = useMutation({ mutationFn: (role: ProjectRole) => api.patch<Member>(`${projectPath}/members/${member.user_id}`, { role }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => api.delete(`${projectPath}/members/${member.user_id}`), onSuccess: refresh });
  const you = member.user_id === meId;
  return (
    <tr data-member={member.email}>
      <td className={tdClass}>
        <div className="font-medium text-zinc-900 dark:text-zinc-100">
          {member.email} {you && <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">(you)</span>}
        </div>
        {member.display_name && <div className="text-xs text-zinc-500 dark:text-zinc-400">{member.display_name}</div>}
      </td>
      <td className={tdClass}>
        {editable ? (
          <label>
            <span className="sr-only">Role of {member.email}</span>
            <select
              value={member.role}
              disabled={change.isPending}
              onChange={(e) => change.mutate(e.target.value as ProjectRole)}
              className="rounded-lg border border-zinc-200 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            >
              {roles.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
        ) : (
          <Badge tone={member.role === 'owner' ? 'brand' : 'gray'}>{member.role}</Badge>
        )}
        {(change.error || remove.error) && (
          <div className="mt-1">
            <MutationError error={change.error ?? remove.error} />
          </div>
        )}
      </td>
      <td className={`${tdClass} text-xs text-zinc-600 dark:text-zinc-300`} title={formatTimestamp(member.created_at)}>
        {formatRelative(member.created_at)}
      </td>
      <td className={`${tdClass} text-right`}>{editable && <ConfirmButton label="Remove" confirmLabel={`Remove ${member.email}`} busy={remove.isPending} onConfirm={() => remove.mutate()} />}</td>
    </tr>
  );
}

export function MembersTab({ projectId, myRole }: { projectId: string; myRole: ProjectRole | null }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const projectPath = `/api/v1/projects/${encodeURIComponent(projectId)}`;
  const members = useQuery({ queryKey: ['settings', 'members', projectId], queryFn: ({ signal }) => api.get<Page<Member>>(`${projectPath}/members`, { limit: 500 }, signal) });
  const invitations = useQuery({ queryKey: ['settings', 'invitations', projectId], queryFn: ({ signal }) => api.get<Page<Invitation>>(`${projectPath}/invitations`, { limit: 500 }, signal) });
  const roles = grantableRoles(myRole);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const [invited, setInvited] = useState<NewInvitation | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['settings', 'members'] });
    void queryClient.invalidateQueries({ queryKey: ['settings', 'invitations'] });
  };
  const add = useMutation({
    mutationFn: () => api.post<Member>(`${projectPath}/members`, { email: email.trim(), role }),
    onSuccess: () => {
      setEmail('');
      refresh();
    },
  });
  const invite = useMutation({
    mutationFn: () => api.post<NewInvitation>(`${projectPath}/invitations`, { email: email.trim(), role }),
    onSuccess: (created) => {
      setInvited(created);
      setEmail('');
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api.delete(`${projectPath}/invitations/${id}`), onSuccess: refresh });
  const busy = add.isPending || invite.isPending;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (email.trim()) add.mutate();
  };
  return (
    <div className="space-y-4">
      <Card className="overflow-hidden">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800" aria-label="Add or invite a member">
          <TextField label="E-mail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="teammate@example.com" className="w-64" />
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as ProjectRole)} className="w-32">
            {roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </SelectField>
          <Button type="submit" variant="primary" disabled={!email.trim() || busy} title="Adds someone who already has an Argus account">
            <UserPlus aria-hidden className="size-3.5" /> Add member
          </Button>
          <Button disabled={!email.trim() || busy} onClick={() => invite.mutate()} title="Creates a one-time invitation for someone without an account">
            <MailPlus aria-hidden className="size-3.5" /> Invite
          </Button>
        </form>
        {(add.error || invite.error) && (
          <div className="px-4 pt-3">
            <MutationError error={add.error ?? invite.error} />
          </div>
        )}
        {invited && (
          <div role="status" className="mx-4 my-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-500/10">
            <p className="font-semibold text-amber-900 dark:text-amber-200">
              Invitation for {invited.email} ({invited.role}), valid until {formatTimestamp(invited.expires_at)}. Send them this token; it is shown only once.
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code className="min-w-0 flex-1 rounded-lg border border-amber-200 bg-white px-3 py-2 font-mono text-xs break-all text-zinc-900 dark:border-amber-800 dark:bg-zinc-950 dark:text-zinc-100">{invited.token}</code>
              <CopyButton value={invited.token} what="the invitation token" />
              <Button variant="ghost" onClick={() => setInvited(null)}>
                Done
              </Button>
            </div>
            <p className="mt-2 text-xs text-amber-900/80 dark:text-amber-200/80">They accept it with POST /api/v1/invitations/accept, choosing their password.</p>
          </div>
        )}
        {members.isPending ? (
          <Skeleton className="m-4 h-24" />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => members.refetch()} />
        ) : (
          <table className="w-full text-sm" data-testid="members">
            <caption className="sr-only">Members</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>Member</th>
                <th scope="col" className={thClass}>Role</th>
                <th scope="col" className={thClass}>Since</th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {members.data.items.map((m) => (
                <MemberRow key={m.user_id} member={m} projectPath={projectPath} myRole={myRole} meId={me.data?.user.id} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card className="overflow-hidden">
        <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold text-zinc-900 dark:border-zinc-800 dark:text-white">Pending invitations</h2>
        {invitations.isPending ? (
          <Skeleton className="m-4 h-16" />
        ) : invitations.isError ? (
          <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
        ) : invitations.data.items.length === 0 ? (
          <EmptyState title="No pending invitations" />
        ) : (
          <table className="w-full text-sm" data-testid="invitations">
            <caption className="sr-only">Pending invitations</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>E-mail</th>
                <th scope="col" className={thClass}>Role</th>
                <th scope="col" className={thClass}>Expires</th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {invitations.data.items.map((i) => (
                <tr key={i.id}>
                  <td className={tdClass}>{i.email}</td>
                  <td className={tdClass}>
                    <Badge>{i.role}</Badge>
                  </td>
                  <td className={`${tdClass} text-xs text-zinc-600 dark:text-zinc-300`}>{formatTimestamp(i.expires_at)}</td>
                  <td className={`${tdClass} text-right`}>
                    <ConfirmButton label="Revoke" confirmLabel={`Revoke invitation for ${i.email}`} busy={revoke.isPending} onConfirm={() => revoke.mutate(i.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {revoke.isError && (
          <div className="p-4">
            <MutationError error={revoke.error} />
          </div>
        )}
      </Card>
    </div>
  );
}
