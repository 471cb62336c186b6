import { createRequire } from 'node:module';
import { cloneElement, createElement as h, Fragment, isValidElement, type ComponentType, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';

// antd's CommonJS build and the cssinjs copy it requires: importing @ant-design/cssinjs as an ES module
// here would load a second copy whose style cache antd never writes to.
const require = createRequire(import.meta.url);
type Any = any;
const antd = require('antd') as Any;
const { createCache, extractStyle, StyleProvider } = require('@ant-design/cssinjs') as Any;

/** An element of an antd component; `any` because this renders every variant the app uses in one place. */
const el = (type: Any, props: Any = null, ...children: ReactNode[]) => h(type as ComponentType, props, ...children);

/** The antd exports the kitchen sink draws: the build refuses an app that imports another (antd-styles-plugin.ts). */
export const DRAWN = [
  'Alert',
  'AutoComplete',
  'Badge',
  'Button',
  'Card',
  'Checkbox',
  'Col',
  'Collapse',
  'DatePicker',
  'Descriptions',
  'Divider',
  'Drawer',
  'Dropdown',
  'Empty',
  'Flex',
  'Form',
  'Input',
  'InputNumber',
  'Layout',
  'List',
  'Menu',
  'Modal',
  'Popconfirm',
  'Popover',
  'Progress',
  'Radio',
  'Result',
  'Row',
  'Segmented',
  'Select',
  'Skeleton',
  'Slider',
  'Space',
  'Spin',
  'Statistic',
  'Steps',
  'Switch',
  'Table',
  'Tabs',
  'Tag',
  'Timeline',
  'Tooltip',
  'Typography',
  'Upload',
] as const;

/**
 * The components the liaison's home draws on a phone, with the sign-in page, the frame and the messages
 * and dialogs any page opens through `App.useApp()`. Their rules are the stylesheet linked from
 * index.html; every other component's are a second stylesheet that comes with the code importing one
 * (antd-styles-plugin.ts): a phone opening the liaison's home does not wait for the rules of the wide
 * screens' task table, the pickers, uploads and steps.
 */
export const FIRST: ReadonlySet<string> = new Set([
  'Alert',
  'Badge',
  'Button',
  'Card',
  'Col',
  'Drawer',
  'Empty',
  'Flex',
  'Form',
  'Input',
  'Layout',
  'Menu',
  'Modal',
  'Progress',
  'Row',
  'Skeleton',
  'Space',
  'Statistic',
  'Tag',
  'Tooltip',
  'Typography',
  'message',
  'notification',
] satisfies ((typeof DRAWN)[number] | 'message' | 'notification')[]);

/**
 * One element (or several) per antd component the app imports, drawn with the props and parts that own
 * style rules of their own: sub-components (Typography.Title, Input.TextArea, Layout.Sider…), the
 * sub-styles a prop switches on (a Table's pagination, sorter, selection and summary; a Modal's confirm;
 * Form errors), and every popup as its inline "pure panel", because a portal draws nothing off the DOM.
 * A component missing here renders unstyled in the browser: the style check (styles.e2e-spec.ts) fails.
 * Each component's styles are made once, by its first element: the real component comes before its pure
 * panel, whose rules would otherwise lack the root class (`ant-modal-css-var`) the real one carries.
 */
function kitchenSink(): ReactNode {
  const {
    Alert,
    AutoComplete,
    Badge,
    Button,
    Card,
    Checkbox,
    Col,
    Collapse,
    DatePicker,
    Descriptions,
    Divider,
    Drawer,
    Dropdown,
    Empty,
    Flex,
    Form,
    Input,
    InputNumber,
    Layout,
    List,
    Menu,
    Modal,
    Popconfirm,
    Popover,
    Progress,
    Radio,
    Result,
    Row,
    Segmented,
    Select,
    Skeleton,
    Slider,
    Space,
    Spin,
    Statistic,
    Steps,
    Switch,
    Table,
    Tabs,
    Tag,
    Timeline,
    Tooltip,
    Typography,
    Upload,
    message,
    notification,
  } = antd as Record<(typeof DRAWN)[number] | 'message' | 'notification', Any>;
  const pure = (component: Any, props: Any = {}) => el(component._InternalPanelDoNotUseOrYouWillBeFired, props);
  const items = [
    { key: 'a', label: 'A' },
    { key: 'b', label: 'B', children: [{ key: 'c', label: 'C' }] },
  ];
  const columns = [
    { title: 'A', dataIndex: 'a', key: 'a', sorter: true, filters: [{ text: 'x', value: 'x' }], ellipsis: true },
    { title: 'B', dataIndex: 'b', key: 'b', fixed: 'right', width: 80 },
  ];
  return el(
    Fragment,
    null,
    el(Alert, { title: 'a', type: 'error', showIcon: true, closable: true, action: el(Button, null, 'b') }),
    el(Alert, { title: 'a', description: 'b', banner: true }),
    el(AutoComplete, { options: [{ value: 'a' }] }),
    pure(AutoComplete, { open: true, options: [{ value: 'a' }] }),
    el(Badge, { count: 5 }, el('span')),
    el(Badge, { dot: true, status: 'processing', text: 'a' }),
    el(Badge, { count: 5, size: 'small', color: 'blue' }),
    el(Button, { type: 'primary' }, 'a'),
    el(Button, { type: 'link', danger: true, size: 'small', loading: true, icon: el('span') }),
    el(Button, { type: 'text', shape: 'circle', block: true, disabled: true, href: '#' }, 'a'),
    el(Card, { title: 'a', extra: 'b', size: 'small', loading: true, actions: [el('span', { key: 'a' })] }),
    el(
      Card,
      { title: 'a', hoverable: true, variant: 'borderless', tabList: [{ key: 'a', tab: 'a' }] },
      el(Card.Meta, { title: 'a' }),
    ),
    el(Checkbox, { indeterminate: true }, 'a'),
    el(Checkbox.Group, { options: ['a', 'b'] }),
    el(Collapse, {
      items: [{ key: 'a', label: 'a', children: 'b' }],
      defaultActiveKey: ['a'],
      size: 'small',
      ghost: true,
    }),
    el(Collapse, { items: [{ key: 'a', label: 'a', children: 'b' }], bordered: false }),
    el(DatePicker, { allowClear: true }),
    el(DatePicker.RangePicker, null),
    pure(DatePicker, { open: true }),
    pure(DatePicker, { open: true, picker: 'month' }),
    el(Descriptions, {
      title: 'a',
      bordered: true,
      size: 'small',
      column: 2,
      items: [{ key: 'a', label: 'a', children: 'b' }],
    }),
    el(Descriptions, { items: [{ key: 'a', label: 'a', children: 'b' }], layout: 'vertical' }),
    el(Divider, null, 'a'),
    el(Divider, { orientation: 'vertical' }),
    el(Divider, { titlePlacement: 'start', plain: true, dashed: true }, 'a'),
    el(Drawer, { open: false }),
    pure(Drawer, { title: 'a', footer: 'b', extra: 'c', placement: 'bottom', children: 'd' }),
    el(Dropdown, { menu: { items } }, el('span', null, 'a')),
    pure(Dropdown, { open: true, menu: { items, selectable: true } }),
    el(Empty, null),
    el(Empty, { image: Empty.PRESENTED_IMAGE_SIMPLE, description: 'a' }),
    el(Flex, { gap: 'small', wrap: true, vertical: true, justify: 'space-between', align: 'center' }, el('span')),
    el(Flex, { gap: 'middle' }, el('span')),
    el(
      Form,
      { layout: 'vertical', requiredMark: true },
      el(
        Form.Item,
        {
          label: 'a',
          name: 'a',
          required: true,
          validateStatus: 'error',
          help: 'e',
          hasFeedback: true,
          tooltip: 't',
          extra: 'x',
        },
        el(Input),
      ),
      el(Form.Item, { label: 'b', name: 'b', validateStatus: 'warning', help: 'w' }, el(Select)),
      el(Form.Item, { label: 'c', name: 'c', validateStatus: 'success', hasFeedback: true }, el(Input.TextArea)),
    ),
    el(
      Form,
      { layout: 'horizontal', labelCol: { span: 6 }, wrapperCol: { span: 18 } },
      el(Form.Item, { label: 'a', colon: true }, el(InputNumber)),
    ),
    el(Form, { layout: 'inline' }, el(Form.Item, { label: 'a' }, el(Input))),
    el(Input, { prefix: 'a', suffix: 'b', allowClear: true, status: 'error', showCount: true, maxLength: 9 }),
    el(Input, { size: 'large', variant: 'filled' }),
    el(Input, { size: 'small', variant: 'borderless', disabled: true }),
    el(Input.Password, null),
    el(Input.Search, { enterButton: true, loading: true }),
    el(Input.Search, { allowClear: true }),
    el(Input.TextArea, { showCount: true, maxLength: 9, autoSize: true, allowClear: true }),
    el(InputNumber, { prefix: 'b', status: 'warning', controls: true }),
    pure(InputNumber, {}),
    el(
      Layout,
      { hasSider: true },
      el(Layout.Sider, {
        breakpoint: 'lg',
        collapsible: true,
        collapsedWidth: 64,
        theme: 'dark',
        width: 200,
        trigger: null,
      }),
      el(Layout, null, el(Layout.Header), el(Layout.Content), el(Layout.Footer)),
    ),
    el(Layout.Sider, { theme: 'light', collapsed: true, collapsible: true }),
    el(List, {
      header: 'a',
      footer: 'b',
      bordered: true,
      size: 'small',
      pagination: { pageSize: 1 },
      loading: false,
      dataSource: [1, 2],
      renderItem: (item: number) =>
        el(
          List.Item,
          { actions: [el('a', { key: 'a' }, 'a')], extra: 'x' },
          el(List.Item.Meta, { title: item, description: 'd', avatar: el('span') }),
        ),
    }),
    el(List, {
      dataSource: [],
      grid: { gutter: 8, column: 2 },
      renderItem: () => null,
      itemLayout: 'vertical',
      split: false,
    }),
    el(Menu, { theme: 'dark', mode: 'inline', items, selectedKeys: ['a'], defaultOpenKeys: ['b'] }),
    el(Menu, { mode: 'inline', items, inlineCollapsed: true }),
    el(Menu, { mode: 'horizontal', items }),
    el(Menu, { mode: 'vertical', items }),
    el(Modal, { open: false, title: 'a', centered: true }),
    pure(Modal, { title: 'a', footer: 'b', closable: true }),
    pure(Modal, { type: 'confirm', title: 'a', content: 'b' }),
    pure(Modal, { type: 'error', title: 'a', content: 'b' }),
    pure(message, { type: 'success', content: 'a' }),
    pure(message, { type: 'error', content: 'a' }),
    pure(message, { type: 'warning', content: 'a' }),
    pure(message, { type: 'loading', content: 'a' }),
    pure(notification, { type: 'info', title: 'a', description: 'b', actions: 'c' }),
    el(Popconfirm, { title: 'a' }, el('span')),
    pure(Popconfirm, { title: 'a', description: 'b' }),
    el(Popover, { content: 'a' }, el('span')),
    pure(Popover, { title: 'a', content: 'b' }),
    el(Progress, { percent: 30, size: 'small', status: 'active' }),
    el(Progress, { percent: 30, type: 'circle', size: 80, strokeColor: 'red' }),
    el(Progress, { percent: 100, type: 'dashboard', steps: 3 }),
    el(Progress, { percent: 50, steps: 5, showInfo: false, status: 'exception' }),
    el(Radio, null, 'a'),
    el(Radio.Group, { options: ['a', 'b'], optionType: 'button', buttonStyle: 'solid', size: 'small' }),
    el(Radio.Group, { options: ['a', 'b'] }),
    el(Radio.Button, { value: 'a' }, 'a'),
    el(Result, { status: 'success', title: 'a', subTitle: 'b', extra: 'c' }),
    el(Result, { status: '404', title: 'a' }),
    el(Result, { status: 'error', title: 'a' }),
    el(Result, { status: 'warning', title: 'a' }),
    el(Result, { status: '403', title: 'a' }),
    el(Result, { status: '500', title: 'a' }),
    el(Result, { status: 'info', title: 'a' }),
    el(
      Row,
      { gutter: [16, 16], wrap: true, justify: 'space-between', align: 'middle' },
      el(Col, {
        span: 12,
        xs: 24,
        sm: 12,
        md: 8,
        lg: 6,
        xl: 4,
        xxl: 3,
        flex: 'auto',
        offset: 1,
        order: 1,
        push: 1,
        pull: 1,
      }),
    ),
    el(Segmented, { options: ['a', 'b'], block: true, size: 'small' }),
    el(Segmented, { options: ['a', 'b'], size: 'large', disabled: true }),
    el(Select, { options: [{ value: 'a' }], allowClear: true, showSearch: true, loading: true }),
    el(Select, { mode: 'multiple', value: ['a'], options: [{ value: 'a' }], maxTagCount: 'responsive' }),
    el(Select, { mode: 'tags', size: 'small', variant: 'borderless', status: 'error' }),
    pure(Select, { open: true, options: [{ value: 'a' }, { label: 'g', options: [{ value: 'b' }] }] }),
    pure(Select, { open: true, mode: 'multiple', options: [{ value: 'a' }], value: ['a'] }),
    el(Skeleton, { active: true, avatar: true, paragraph: { rows: 2 }, title: true }),
    el(Skeleton.Button, { active: true }),
    el(Skeleton.Input, { active: true }),
    el(Skeleton.Avatar, null),
    el(Skeleton.Image, null),
    el(Skeleton.Node, null),
    el(Slider, { range: true, marks: { 0: 'a', 100: 'b' }, value: [10, 20] }),
    el(Slider, { vertical: true, dots: true, step: 10 }),
    el(
      Space,
      { orientation: 'vertical', size: 'large', wrap: true, align: 'center', separator: el('span') },
      el('span'),
      el('span'),
    ),
    el(Space, { size: 'small' }, el('span')),
    el(Space.Compact, { block: true }, el(Input), el(Button, null, 'a'), el(Select), el(DatePicker)),
    el(Space.Compact, { orientation: 'vertical' }, el(Button, null, 'a'), el(Button, null, 'b')),
    el(Spin, { spinning: true, description: 'a' }, el('div')),
    el(Spin, { size: 'small' }),
    el(Spin, { size: 'large', fullscreen: false }),
    el(Statistic, { title: 'a', value: 1, suffix: 'b', prefix: 'c', precision: 1, loading: false }),
    el(Statistic, { title: 'a', value: 1, loading: true }),
    el(Steps, { current: 1, items: [{ title: 'a' }, { title: 'b', status: 'error' }, { title: 'c', content: 'd' }] }),
    el(Steps, { size: 'small', orientation: 'vertical', type: 'dot', items: [{ title: 'a' }] }),
    el(Steps, { type: 'navigation', titlePlacement: 'vertical', items: [{ title: 'a' }] }),
    el(Steps, { responsive: true, items: [{ title: 'a' }], percent: 50 }),
    el(Switch, { checked: true, loading: true, size: 'small', checkedChildren: 'a', unCheckedChildren: 'b' }),
    el(Switch, null),
    el(Table, {
      columns,
      dataSource: [{ key: 1, a: 'a', b: 'b' }],
      rowSelection: { type: 'checkbox' },
      expandable: { expandedRowRender: () => 'x' },
      pagination: { pageSize: 1, total: 20, showSizeChanger: true, showQuickJumper: true, showTotal: () => 'a' },
      summary: () => el(Table.Summary.Row, null, el(Table.Summary.Cell, { index: 0 }, 'a')),
      scroll: { x: 800, y: 300 },
      sticky: true,
      bordered: true,
      size: 'small',
      title: () => 'a',
      footer: () => 'b',
      loading: true,
    }),
    el(Table, {
      columns,
      dataSource: [],
      size: 'middle',
      rowSelection: { type: 'radio' },
      pagination: { simple: true, size: 'small' },
    }),
    el(Tabs, {
      items: [{ key: 'a', label: 'a', children: 'b' }],
      size: 'small',
      type: 'card',
      tabBarExtraContent: 'c',
    }),
    el(Tabs, { items: [{ key: 'a', label: 'a', children: 'b' }], centered: true, tabPlacement: 'start' }),
    el(Tabs, { items: [{ key: 'a', label: 'a', children: 'b' }], type: 'editable-card', size: 'large' }),
    ...[
      'success',
      'processing',
      'error',
      'warning',
      'default',
      ...Object.keys(antd.theme.defaultConfig.token).filter(
        (name) => /^[a-z]+$/.test(name) && /^#/.test(antd.theme.defaultConfig.token[name]),
      ),
    ].map((color) => el(Tag, { key: color, color }, 'a')),
    el(Tag, { closable: true, icon: el('span'), color: '#c62828' }, 'a'),
    el(Tag, { variant: 'filled', color: 'red' }, 'a'),
    el(Tag, { variant: 'solid', color: 'blue' }, 'a'),
    el(Tag.CheckableTag, { checked: true }, 'a'),
    el(Timeline, {
      items: [
        { content: 'a', color: 'red' },
        { content: 'b', icon: el('span'), title: 'c' },
        { content: 'p', loading: true },
      ],
      mode: 'start',
    }),
    el(Timeline, { items: [{ content: 'a' }], mode: 'alternate', reverse: true }),
    el(Tooltip, { title: 'a' }, el('span')),
    pure(Tooltip, { title: 'a', color: 'red' }),
    pure(Tooltip, { title: 'a' }),
    el(
      Typography,
      null,
      el(Typography.Title, { level: 1 }, 'a'),
      el(Typography.Title, { level: 2 }, 'a'),
      el(Typography.Title, { level: 3 }, 'a'),
      el(Typography.Title, { level: 4 }, 'a'),
      el(Typography.Title, { level: 5 }, 'a'),
      el(
        Typography.Paragraph,
        { ellipsis: { rows: 2, expandable: true }, copyable: true, editable: true, type: 'secondary' },
        'a',
      ),
      el(
        Typography.Text,
        {
          type: 'danger',
          strong: true,
          code: true,
          mark: true,
          underline: true,
          delete: true,
          keyboard: true,
          italic: true,
          ellipsis: true,
          disabled: true,
        },
        'a',
      ),
      el(Typography.Text, { type: 'success' }, 'a'),
      el(Typography.Text, { type: 'warning' }, 'a'),
      el(Typography.Link, { href: '#' }, 'a'),
    ),
    el(
      Upload,
      {
        listType: 'text',
        fileList: [
          { uid: '1', name: 'a', status: 'done' },
          { uid: '2', name: 'b', status: 'error' },
        ],
      },
      el(Button, null, 'a'),
    ),
    el(Upload.Dragger, null, 'a'),
  );
}

/**
 * The antd component an element of the kitchen sink draws: the component itself, its pure panel or one of
 * its parts (Input.TextArea, Layout.Sider…). Space.Compact counts apart: it holds a DatePicker.
 */
function componentOf(type: unknown): string | undefined {
  if (type === antd.Space.Compact) return 'Space.Compact';
  for (const name of [...DRAWN, 'message', 'notification']) {
    const component = antd[name];
    if (type === component || type === component._InternalPanelDoNotUseOrYouWillBeFired) return name;
    if (Object.values(component).includes(type)) return name;
  }
  return undefined;
}

/**
 * The sink without the elements of other components, at any depth (a form item's Select, a compact
 * group's DatePicker): what those draw is theirs, in the other stylesheet.
 */
function drawnOnly(node: ReactNode, only: ReadonlySet<string>): ReactNode {
  if (Array.isArray(node)) return node.map((child) => drawnOnly(child, only));
  if (!isValidElement(node)) return node;
  const component = componentOf(node.type);
  if (component && !only.has(component)) return null;
  const { children } = node.props as { children?: ReactNode };
  if (children === undefined) return node;
  // Children as arguments, as the sink wrote them: an array would want keys.
  const kept = drawnOnly(children, only);
  return Array.isArray(kept) ? cloneElement(node, undefined, ...kept) : cloneElement(node, undefined, kept);
}

/**
 * Renders the kitchen sink off the DOM and returns cssinjs's cache of the styles antd generated for it;
 * with `only`, just the elements of the components it names (and whatever those draw inside).
 */
export function renderAntdStyles(theme: Any, only?: ReadonlySet<string>): Any {
  const cache = createCache();
  const sink = only ? drawnOnly(kitchenSink(), only) : kitchenSink();
  const themed = { ...theme, zeroRuntime: false, hashed: false };
  // React's and antd's development warnings about the sink (deprecated props, portals off the DOM) are
  // not the app's: the build's output stays for the build's own messages.
  const error = console.error;
  console.error = (...args: unknown[]) => void (/^Warning: /.test(String(args[0])) || error(...args));
  try {
    renderToString(el(StyleProvider, { cache }, el(antd.ConfigProvider, { theme: themed }, el(antd.App, null, sink))));
  } finally {
    console.error = error;
  }
  return cache;
}

/**
 * antd's stylesheet in two: the rules of the FIRST components (and of what they draw inside: a Table's
 * checkbox, pagination and filter menu), and every other rule of the kitchen sink. The second comes after
 * the first wherever it loads, as in the single stylesheet's order a component's rules follow the ones
 * it is drawn inside.
 */
export function antdStylesheets(theme: Any): { first: string; rest: string } {
  const all = renderAntdStyles(theme);
  const first = renderAntdStyles(theme, FIRST);
  // Only the style entries: the token and CSS-variable ones are keyed by React's ids, and not extracted.
  const styles = [...first.cache.keys()].filter((key) => String(key).startsWith('style%'));
  const missing = styles.filter((key) => !all.cache.has(key));
  if (missing.length) throw new Error(`antd-styles: the first screens' styles differ from the whole: ${missing[0]}`);
  for (const key of styles) all.cache.delete(key);
  return { first: plainCss(first), rest: plainCss(all) };
}

function plainCss(cache: Any): string {
  // The pure panels' own rules (a popup drawn in place) style nothing the app shows. Form.ErrorList is not
  // drawn here: off the DOM it finds no form item around it and styles an empty class name (invalid CSS);
  // its rules are the form item's (ant-form-item-explain).
  for (const key of [...cache.cache.keys()]) if (String(key).includes('-PurePanel%')) cache.cache.delete(key);
  const css: string = extractStyle(cache, { types: ['style'], plain: true });
  // extractStyle ends with a map of what it extracted, for antd's runtime to skip; zero-runtime never looks.
  return css.replace(/\.data-ant-cssinjs-cache-path\{[^}]*\}$/, '');
}
