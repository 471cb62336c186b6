import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: { colorPrimary: '#b71c1c', borderRadius: 4, fontSize: 14 },
};
