import { Alert, Space, type AlertProps } from 'antd';
import { usePhone } from '../hooks/use-phone';

/**
 * An Alert with buttons. On a phone the buttons go under the text, as wide as they need, instead of
 * beside it, where they would squeeze the message into a column a few characters wide.
 */
export function ActionAlert({ action, description, ...props }: AlertProps) {
  const phone = usePhone();
  if (!phone || !action) return <Alert action={action} description={description} {...props} />;
  return (
    <Alert
      {...props}
      description={
        <>
          {description}
          <Space wrap style={{ display: 'flex', marginTop: description ? 8 : 4 }}>
            {action}
          </Space>
        </>
      }
    />
  );
}
