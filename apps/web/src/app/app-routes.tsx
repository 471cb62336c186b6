import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../pages/login/login-page';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="*" element={<Navigate to="/login" replace />} />
    </Routes>
  );
}
