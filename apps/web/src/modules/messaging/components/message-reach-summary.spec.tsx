import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import { MessageReachQuery } from '../graphql/message-reach.query';
import { MessageReachSummary } from './message-reach-summary';

const person = (name: string, role: string, channels: string[]) => ({
  __typename: 'PersonReach',
  name,
  role,
  channels,
});
const unit = (unitId: string, unitName: string, people: ReturnType<typeof person>[]) => ({
  __typename: 'UnitReach',
  unitId,
  unitName,
  people,
});

function renderReach(units: ReturnType<typeof unit>[], robotNames: string[] = []) {
  const mocks = [
    {
      request: {
        query: MessageReachQuery,
        variables: { kind: 'URGE', unitIds: units.map((u) => u.unitId), planId: null },
      },
      result: {
        data: {
          messageReach: {
            __typename: 'MessageReach',
            units,
            robotNames,
            unreachableUnitNames: units.filter((u) => u.people.length === 0).map((u) => u.unitName),
          },
        },
      },
    },
  ];
  return render(
    <MockedProvider mocks={mocks}>
      <MessageReachSummary kind="URGE" unitIds={units.map((u) => u.unitId)} />
    </MockedProvider>,
  );
}

describe('MessageReachSummary', () => {
  it('says who an urge reaches and through what before it is sent', async () => {
    renderReach(
      [
        unit('u1', '市司法局', [
          person('张三', 'UNIT_LIAISON', ['IN_APP', 'WECOM']),
          person('李四', 'UNIT_LEADER', ['IN_APP']),
        ]),
      ],
      ['督办工作群'],
    );
    expect(
      await screen.findByText('将通知：张三（站内、企业微信），李四（站内）；群机器人：督办工作群。'),
    ).toBeInTheDocument();
  });

  it('names a unit nobody can receive messages for', async () => {
    renderReach([unit('u2', '鞍山市政府', [])]);
    expect(await screen.findByText('鞍山市政府尚无可接收消息的账号')).toBeInTheDocument();
  });
});
