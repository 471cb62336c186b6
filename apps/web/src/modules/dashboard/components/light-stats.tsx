import { palette } from '../../../app/theme';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LIGHT_HEX, LIGHT_SHORT, type WarningLight } from '../../tasks/utils/labels';

export interface StatItem {
  key: string;
  title: string;
  value: number;
  color?: string;
  to?: string;
  suffix?: ReactNode;
  /** The list below is filtered by this card. */
  active?: boolean;
}

/** A row of counts; each links to the list behind it when there is one. */
export function StatCards({ items, loading }: { items: StatItem[]; loading?: boolean }) {
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => {
        const card = (
          <Card
            size="small"
            hoverable={!!item.to}
            data-testid={`stat-${item.key}`}
            aria-current={item.active ? 'true' : undefined}
            style={
              item.active
                ? { borderColor: item.color ?? palette.blue, boxShadow: `0 0 0 1px ${item.color ?? palette.blue}` }
                : undefined
            }
          >
            {/* While loading, a skeleton in the count's place, in the count's line: the row has its final
                height before the data, so nothing below it moves when the counts arrive (antd's own
                loading skeleton is 27 px taller than a count). */}
            <Statistic
              title={item.title}
              value={item.value}
              suffix={loading ? undefined : item.suffix}
              valueRender={loading ? () => <Skeleton.Input active size="small" /> : undefined}
              styles={{ content: { color: item.color } }}
            />
          </Card>
        );
        return (
          <Col key={item.key} xs={12} md={8} lg={6} xl={4}>
            {item.to ? (
              <Link to={item.to} aria-label={`${item.title} ${item.value}`}>
                {card}
              </Link>
            ) : (
              card
            )}
          </Col>
        );
      })}
    </Row>
  );
}

export function lightStatItems(lights: { light: WarningLight; count: number }[], linkBase?: string): StatItem[] {
  const order: WarningLight[] = ['RED', 'YELLOW', 'GREEN', 'DONE', 'DONE_LATE'];
  return order.map((light) => ({
    key: light,
    title: LIGHT_SHORT[light],
    value: lights.find((l) => l.light === light)?.count ?? 0,
    color: LIGHT_HEX[light],
    to: linkBase ? `${linkBase}?light=${light}` : undefined,
  }));
}
