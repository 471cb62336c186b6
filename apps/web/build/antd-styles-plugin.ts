import { createRequire } from 'node:module';
import path from 'node:path';
import type { ReactNode } from 'react';
import type { Plugin } from 'vite';
import { theme } from '../src/app/theme.ts';

/** Marks the styles the build wrote into the page, so a browser test can tell them from styles made at runtime. */
export const STATIC_STYLE_ATTRIBUTE = 'data-duban-static';

/**
 * Writes antd's styles for the first screens into index.html at build time, so the browser does not make
 * them at first paint.
 *
 * antd draws its styles with CSS-in-JS: the first time a component renders, it builds a style object from
 * the theme's tokens, serialises it with stylis and inserts a `<style>`. On the phone profile that was the
 * largest part of the opening's script after parsing (≈ 0.5 s of ≈ 1.5 s at 4× slowdown). cssinjs has a
 * way to skip it, made for server rendering: styles written into the page with a map of their cache paths,
 * which `useStyleRegister` finds before it would generate anything (`extractStyle`). Here the build renders
 * the antd components the sign-in page, the frame and the liaison's home draw, under the app's theme, and
 * writes what they registered before `</head>`. Component styles depend only on antd's version, the prefix
 * and the component (the theme's values are CSS variables, registered at runtime as before), so the same
 * styles serve the phone's theme too. A component not drawn here still makes its style at runtime, after these
 * (rc-util queues runtime styles behind the page's), so a missing one costs time, not looks.
 */
export function antdStylesPlugin(): Plugin {
  let root = '';
  return {
    name: 'duban-antd-styles',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const styles = antdFirstScreenStyles(root);
        if (!html.includes('</head>')) throw new Error('antd-styles: index.html has no </head>');
        return html.replace('</head>', `  ${styles}\n  </head>`);
      },
    },
  };
}

/**
 * The `<style>` tags antd registers for the first screens' components, and the cache-path map that lets the
 * browser's cssinjs use them. Runs antd's CommonJS build in Node: the same code as the browser's ES build,
 * so the same class hashes, as long as both are production builds (cssinjs prefixes a development
 * build's hashes differently).
 */
export function antdFirstScreenStyles(root: string): string {
  if (process.env.NODE_ENV !== 'production')
    throw new Error(`antd-styles: the build must run with NODE_ENV=production (is ${process.env.NODE_ENV})`);
  const require = createRequire(path.join(root, 'index.html'));
  const React = require('react') as typeof import('react');
  const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
  const antd = require('antd') as typeof import('antd');
  const cssinjs = require('@ant-design/cssinjs') as typeof import('@ant-design/cssinjs');
  const h = React.createElement;
  const cache = cssinjs.createCache();
  renderToString(
    h(cssinjs.StyleProvider, { cache }, h(antd.ConfigProvider, { theme }, h(antd.App, null, firstScreens(h, antd)))),
  );
  const styles = cssinjs.extractStyle(cache, { types: ['style'] });
  // Nothing but style tags (the CSS itself has no `<`), so nothing here can end the page's head early.
  if (!/^(<style [^>]*>[^<]*<\/style>)+$/.test(styles))
    throw new Error('antd-styles: unexpected output from extractStyle');
  if (/css-dev-only/.test(styles)) throw new Error('antd-styles: development class hashes');
  return styles.replace(/<style /g, `<style ${STATIC_STYLE_ATTRIBUTE} `);
}

/**
 * One of each antd component the sign-in page, the frame and the liaison's home draw on a phone, in the
 * forms that register styles of their own (Input.Search and Password, Typography's parts, Card's loading
 * skeleton, a closable Tag …). Their props do not matter beyond that: a component's style is the same
 * whatever it shows. Each style costs the page its bytes on every first visit (≈ 1 KB brotli per 10 KB of
 * CSS), so what only a wide screen draws (the menu beside the page, the task table with its select,
 * dropdown and pagination: ≈ 15 KB brotli) is left to runtime.
 */
function firstScreens(h: typeof import('react').createElement, antd: typeof import('antd')): ReactNode {
  const { Alert, Badge, Button, Card, Col, Drawer, Empty, Flex, Form, Input, Layout, Modal, Progress, Row } = antd;
  const { Skeleton, Space, Statistic, Tag, Tooltip, Typography } = antd;
  return h(
    Layout,
    null,
    h(
      Layout,
      null,
      h(Layout.Header, null, h(Tooltip, { title: 'a' }, h(Badge, { count: 1, dot: true }, h('span', null, 'a')))),
      h(
        Layout.Content,
        null,
        h(Typography.Title, { level: 3 }, 'a'),
        h(Typography.Text, { type: 'secondary', strong: true, ellipsis: true }, 'a'),
        h(Typography.Paragraph, null, 'a'),
        h(Typography.Link, null, 'a'),
        h(
          Space,
          { orientation: 'vertical', wrap: true },
          h(Button, null, 'a'),
          h(Button, { type: 'primary', block: true, loading: true }, 'a'),
          h(Button, { type: 'text', size: 'small', danger: true }, 'a'),
        ),
        h(Flex, { vertical: true, gap: 12 }, 'a'),
        h(Row, { gutter: [12, 12] }, h(Col, { xs: 12, md: 8, lg: 6, xl: 4 }, 'a')),
        h(Card, { size: 'small', title: 'a', extra: 'a', hoverable: true }, h(Statistic, { title: 'a', value: 1 })),
        h(Card, { size: 'small', loading: true }),
        h(Tag, null, 'a'),
        h(Tag, { color: 'red', closable: true }, 'a'),
        h(Tag, { color: 'success' }, 'a'),
        h(Alert, { type: 'error', showIcon: true, title: 'a', description: 'a', action: h(Button, null, 'a') }),
        h(
          Form,
          { layout: 'vertical' },
          h(Form.Item, { label: 'a', name: 'a', rules: [{ required: true }] }, h(Input, { prefix: 'a' })),
          h(Form.Item, { label: 'b', name: 'b' }, h(Input.Password, null)),
        ),
        h(Input.Search, { allowClear: true }),
        h(Progress, { percent: 50, size: 'small' }),
        h(Empty, null),
        h(Skeleton, { active: true }),
        // The phone's menu and a task open in full screen.
        h(Drawer, { open: true, getContainer: false }, 'a'),
        // Closed: the idle sign-out's dialog is rendered on every signed-in page.
        h(Modal, { open: false }),
      ),
    ),
  );
}
