import { useMutation, useQuery } from '@apollo/client/react';
import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { UpperShareCard } from './upper-share-card';
import { QueryError } from '../../common/components/query-error';
import { AcceptTenantLinkInviteMutation } from '../graphql/accept-tenant-link-invite.mutation';
import { CreateTenantLinkInviteMutation } from '../graphql/create-tenant-link-invite.mutation';
import { EndLowerTenantLinkMutation } from '../graphql/end-lower-tenant-link.mutation';
import { EndUpperTenantLinkMutation } from '../graphql/end-upper-tenant-link.mutation';
import { RevokeTenantLinkInviteMutation } from '../graphql/revoke-tenant-link-invite.mutation';
import { TenantLinksQuery } from '../graphql/tenant-links.query';

const day = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD') : '—');
const refetch = { refetchQueries: ['TenantLinks'], awaitRefetchQueries: true };

/** The address a lower office's admin opens to accept: this page with the code filled in. */
export const inviteLink = (origin: string, code: string) =>
  `${origin}/settings?tab=levels&code=${encodeURIComponent(code)}`;

/**
 * 上下级联动: the upper office invites its lower offices with a one-time code and sees who is linked;
 * a lower office accepts the code. Either side can end the link. Only the office admin changes links.
 */
export function TenantLinksPanel({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const { data, loading, error, refetch: reload } = useQuery(TenantLinksQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading: creating }] = useMutation(CreateTenantLinkInviteMutation, refetch);
  const [revoke] = useMutation(RevokeTenantLinkInviteMutation, refetch);
  const [accept, { loading: accepting }] = useMutation(AcceptTenantLinkInviteMutation, refetch);
  const [endUpper] = useMutation(EndUpperTenantLinkMutation, refetch);
  const [endLower] = useMutation(EndLowerTenantLinkMutation, refetch);
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const links = data?.tenantLinks;
  if (error) return <QueryError error={error} onRetry={() => void reload()} />;
  if (!links) return <Card loading={loading} />;
  const upper = links.upper;

  const issue = async () => {
    try {
      const { data: res } = await create({ variables: { note: note.trim() || null } });
      setIssued(res?.createTenantLinkInvite.code ?? null);
      setInviting(false);
      setNote('');
    } catch {
      // shown by the link
    }
  };
  const acceptCode = async ({ code }: { code: string }) => {
    try {
      const { data: res } = await accept({ variables: { code } });
      message.success(`已关联上级机构：${res?.acceptTenantLinkInvite.upper?.name ?? ''}`);
    } catch {
      // shown by the link; the code stays in the field
    }
  };
  const quietly = (work: Promise<unknown>, done: string) =>
    void work.then(() => message.success(done)).catch(() => undefined);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        上级机构邀请，下级机构接受邀请码后关联，任何一方都可以解除。关联后双方只看到对方的机构名称和关联日期，看不到其他下级机构。
      </Typography.Paragraph>

      <Card size="small" title="上级机构">
        {upper ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'name', label: '上级机构', children: upper.name },
              { key: 'since', label: '关联日期', children: day(upper.linkedAt) },
            ]}
            extra={
              editable && (
                <Popconfirm
                  title={`解除与“${upper.name}”的关联？`}
                  description="解除后上级机构不再看到本机构的落实情况。"
                  okText="解除关联"
                  cancelText="取消"
                  onConfirm={() =>
                    quietly(endUpper({ variables: { upperTenantId: upper.id } }), '已解除与上级机构的关联')
                  }
                >
                  <Button danger>解除关联</Button>
                </Popconfirm>
              )
            }
          />
        ) : editable ? (
          <Form
            layout="inline"
            onFinish={(v: { code: string }) => void acceptCode(v)}
            initialValues={{ code: params.get('code') ?? '' }}
          >
            <Form.Item
              name="code"
              label="上级机构的邀请码"
              rules={[{ required: true, whitespace: true, message: '请输入上级机构提供的邀请码' }]}
            >
              <Input placeholder="如 K7QM-3XHD-P9TA" style={{ width: 220 }} allowClear />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={accepting}>
                接受邀请
              </Button>
            </Form.Item>
          </Form>
        ) : (
          <Typography.Text type="secondary">尚未关联上级机构。</Typography.Text>
        )}
      </Card>
      {upper && <UpperShareCard editable={editable} />}

      <Card
        size="small"
        title="下级机构"
        extra={
          editable && (
            <Button icon={<PlusOutlined />} onClick={() => setInviting(true)}>
              邀请下级机构
            </Button>
          )
        }
      >
        <List
          dataSource={links.lowers}
          locale={{
            emptyText: (
              <Empty
                image={<ApartmentOutlined style={{ fontSize: 32 }} />}
                description="还没有下级机构。生成邀请码交给下级机构的管理员，由其在“系统设置 → 上下级联动”中接受。"
              />
            ),
          }}
          renderItem={(lower) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Popconfirm
                        key="end"
                        title={`解除与“${lower.name}”的关联？`}
                        okText="解除关联"
                        cancelText="取消"
                        onConfirm={() =>
                          quietly(endLower({ variables: { tenantId: lower.id } }), `已解除与“${lower.name}”的关联`)
                        }
                      >
                        <Button size="small" type="link" danger>
                          解除关联
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta title={lower.name} description={`关联日期：${day(lower.linkedAt)}`} />
            </List.Item>
          )}
        />
        {editable && links.invites.length > 0 && (
          <>
            <Typography.Title level={5}>未使用的邀请码</Typography.Title>
            <List
              size="small"
              dataSource={links.invites}
              renderItem={(invite) => (
                <List.Item
                  actions={[
                    <Popconfirm
                      key="revoke"
                      title="撤销这个邀请码？"
                      okText="撤销"
                      cancelText="取消"
                      onConfirm={() => quietly(revoke({ variables: { id: invite.id } }), '邀请码已撤销')}
                    >
                      <Button size="small" type="link" danger>
                        撤销
                      </Button>
                    </Popconfirm>,
                  ]}
                >
                  {invite.note || '（无备注）'} · 生成于 {day(invite.createdAt)} · {day(invite.expiresAt)} 前有效
                </List.Item>
              )}
            />
          </>
        )}
      </Card>

      <Modal
        open={inviting}
        title="邀请下级机构"
        okText="生成邀请码"
        cancelText="取消"
        onOk={() => void issue()}
        okButtonProps={{ loading: creating }}
        onCancel={() => setInviting(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>邀请码 7 天内有效，只能使用一次。</Typography.Paragraph>
        <Input
          placeholder="备注（如：发给某某市政府办公室）"
          maxLength={100}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
      <Modal
        open={!!issued}
        title="邀请码已生成"
        okText="我已记下"
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert
          type="warning"
          showIcon
          title="邀请码只显示这一次，请现在复制并交给下级机构的管理员。"
          style={{ marginBottom: 16 }}
        />
        <Typography.Paragraph>
          邀请码：
          <Typography.Text strong copyable style={{ fontSize: 20 }}>
            {issued}
          </Typography.Text>
        </Typography.Paragraph>
        {issued && (
          <Typography.Paragraph>
            或发送链接：<Typography.Text copyable>{inviteLink(window.location.origin, issued)}</Typography.Text>
          </Typography.Paragraph>
        )}
      </Modal>
    </Space>
  );
}
