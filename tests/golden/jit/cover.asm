func 0: params=1 locals=0 results=1 frame=4
256 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_const32_si s2 i0x5
      002e  mov eax, 0x05
      0033  mov [rbx+0x10], rax
   4: op_struct_set_4_ssi s0 s2 i0x0
      0037  mov rax, [rbx]
      003a  test rax, rax
      003d  jz 0x00e4
      0043  mov edx, [rbx+0x10]
      0046  mov [rax+0x10], edx
   9: op_struct_get_i64_ssi s0 s0 i0x8
      0049  mov rax, [rbx]
      004c  test rax, rax
      004f  jz 0x00ed
      0055  mov rax, [rax+0x18]
      0059  mov [rbx], rax
  14: op_return
      005c  mov rcx, [r15+0x28]
      0060  mov rsi, [rcx-0x08]
      0064  mov rdi, [rcx-0x18]
      0068  test rsi, rsi
      006b  jz 0x00f6
      0071  test dil, 0x01
      0075  jnz 0x00f6
      007b  mov rdx, [rsi+0x70]
      007f  cmp qword ptr [rdx+0x20], 0x00
      0084  jz 0x00f6
      008a  mov rax, [rdx+0x90]
      0091  mov r13, [rdx+0x18]
      0095  mov r8, [rax+0x30]
      0099  mov edi, [r8+rdi*1]
      009d  add rdi, [rax]
      00a0  mov rbx, [rcx-0x10]
      00a4  sub qword ptr [r15+0x28], 0x18
      00a9  mov [r15+0x10], rsi
      00ad  mov rax, [rsi+0x10]
      00b1  cmp rax, [r15+0x18]
      00b5  jz 0x00d9
      00bb  mov [r15+0x18], rax
      00bf  mov rcx, [rax+0x110]
      00c6  mov [r15+0x20], rcx
      00ca  xor r14d, r14d
      00cd  test rcx, rcx
      00d0  jz 0x00d9
      00d6  mov r14, [rcx]
      00d9  jmp rdi
out of line (hand-overs):
      00db  lea rax, [r13+0x40]  ; hand over at @16
      00df  jmp 0x001c
      00e4  lea rax, [r13+0x10]  ; hand over at @4
      00e8  jmp 0x001c
      00ed  lea rax, [r13+0x24]  ; hand over at @9
      00f1  jmp 0x001c
      00f6  lea rax, [r13+0x38]  ; hand over at @14
      00fa  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 1: params=2 locals=0 results=1 frame=5
272 bytes of machine code, 2 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_array_get_i16_s_sss s2 s0 s1
      002e  mov rax, [rbx]
      0031  test rax, rax
      0034  jz 0x00f3
      003a  mov ecx, [rbx+0x08]
      003d  cmp ecx, [rax+0x08]
      0040  jnb 0x00f3
      0046  movsx eax, word ptr [rax+rcx*2+0x10]
      004b  mov [rbx+0x10], rax
   5: op_array_len_ss s3 s0
      004f  mov rax, [rbx]
      0052  test rax, rax
      0055  jz 0x00fc
      005b  mov eax, [rax+0x08]
      005e  mov [rbx+0x18], rax
   9: op_i32_add_sss s0 s2 s3
      0062  mov eax, [rbx+0x10]
      0065  add eax, [rbx+0x18]
      0068  mov [rbx], rax
  14: op_return
      006b  mov rcx, [r15+0x28]
      006f  mov rsi, [rcx-0x08]
      0073  mov rdi, [rcx-0x18]
      0077  test rsi, rsi
      007a  jz 0x0105
      0080  test dil, 0x01
      0084  jnz 0x0105
      008a  mov rdx, [rsi+0x70]
      008e  cmp qword ptr [rdx+0x20], 0x00
      0093  jz 0x0105
      0099  mov rax, [rdx+0x90]
      00a0  mov r13, [rdx+0x18]
      00a4  mov r8, [rax+0x30]
      00a8  mov edi, [r8+rdi*1]
      00ac  add rdi, [rax]
      00af  mov rbx, [rcx-0x10]
      00b3  sub qword ptr [r15+0x28], 0x18
      00b8  mov [r15+0x10], rsi
      00bc  mov rax, [rsi+0x10]
      00c0  cmp rax, [r15+0x18]
      00c4  jz 0x00e8
      00ca  mov [r15+0x18], rax
      00ce  mov rcx, [rax+0x110]
      00d5  mov [r15+0x20], rcx
      00d9  xor r14d, r14d
      00dc  test rcx, rcx
      00df  jz 0x00e8
      00e5  mov r14, [rcx]
      00e8  jmp rdi
out of line (hand-overs):
      00ea  lea rax, [r13+0x40]  ; hand over at @16
      00ee  jmp 0x001c
      00f3  lea rax, [r13]  ; hand over at @0
      00f7  jmp 0x001c
      00fc  lea rax, [r13+0x14]  ; hand over at @5
      0100  jmp 0x001c
      0105  lea rax, [r13+0x38]  ; hand over at @14
      0109  jmp 0x001c
data: 2 bytes (branch tables, padding)

func 2: params=1 locals=0 results=1 frame=3
272 bytes of machine code, 1 of them data; 4 of 4 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_memory_grow_ss s1 s0
      002e  mov rdi, r15
      0031  mov rsi, rbx
      0034  lea rdx, [r13]
      0038  mov rax, <memory_grow>
      0042  call rax
      0044  test al, al
      0046  jz 0x0102
      004c  mov rcx, [r15+0x20]
      0050  xor r14d, r14d
      0053  test rcx, rcx
      0056  jz 0x005f
      005c  mov r14, [rcx]
   4: op_const32_si s1 i0x10
      005f  mov eax, 0x10
      0064  mov [rbx+0x08], rax
   8: op_i32_load_sso s0 s1 +0
      0068  mov eax, eax
      006a  mov eax, [r14+rax*1]
      006e  mov [rbx], rax
  13: op_return
      0071  mov rcx, [r15+0x28]
      0075  mov rsi, [rcx-0x08]
      0079  mov rdi, [rcx-0x18]
      007d  test rsi, rsi
      0080  jz 0x00f9
      0086  test dil, 0x01
      008a  jnz 0x00f9
      0090  mov rdx, [rsi+0x70]
      0094  cmp qword ptr [rdx+0x20], 0x00
      0099  jz 0x00f9
      009f  mov rax, [rdx+0x90]
      00a6  mov r13, [rdx+0x18]
      00aa  mov r8, [rax+0x30]
      00ae  mov edi, [r8+rdi*1]
      00b2  add rdi, [rax]
      00b5  mov rbx, [rcx-0x10]
      00b9  sub qword ptr [r15+0x28], 0x18
      00be  mov [r15+0x10], rsi
      00c2  mov rax, [rsi+0x10]
      00c6  cmp rax, [r15+0x18]
      00ca  jz 0x00ee
      00d0  mov [r15+0x18], rax
      00d4  mov rcx, [rax+0x110]
      00db  mov [r15+0x20], rcx
      00df  xor r14d, r14d
      00e2  test rcx, rcx
      00e5  jz 0x00ee
      00eb  mov r14, [rcx]
      00ee  jmp rdi
out of line (hand-overs):
      00f0  lea rax, [r13+0x3C]  ; hand over at @15
      00f4  jmp 0x001c
      00f9  lea rax, [r13+0x34]  ; hand over at @13
      00fd  jmp 0x001c
      0102  mov rax, [r15+0x08]
      0106  mov rax, [rax+0x70]
      010a  jmp 0x001c
data: 1 bytes (branch tables, padding)

func 3: params=1 locals=0 results=1 frame=3
244 bytes of machine code, 2 of them data; 2 of 2 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_i32_load16_u_ssxI s0 s0 #1 I0x4
      002e  mov rax, [r15+0x18]
      0032  mov rax, [rax+0x48]
      0036  mov rax, [rax+0x08]
      003a  mov ecx, [rbx]
      003c  add rcx, 0x04
      0040  lea rdx, [rcx+0x02]
      0044  cmp rdx, [rax+0x08]
      0048  jnbe 0x00e0
      004e  mov rax, [rax]
      0051  movzx eax, word ptr [rax+rcx*1]
      0055  mov [rbx], rax
   7: op_return
      0058  mov rcx, [r15+0x28]
      005c  mov rsi, [rcx-0x08]
      0060  mov rdi, [rcx-0x18]
      0064  test rsi, rsi
      0067  jz 0x00e9
      006d  test dil, 0x01
      0071  jnz 0x00e9
      0077  mov rdx, [rsi+0x70]
      007b  cmp qword ptr [rdx+0x20], 0x00
      0080  jz 0x00e9
      0086  mov rax, [rdx+0x90]
      008d  mov r13, [rdx+0x18]
      0091  mov r8, [rax+0x30]
      0095  mov edi, [r8+rdi*1]
      0099  add rdi, [rax]
      009c  mov rbx, [rcx-0x10]
      00a0  sub qword ptr [r15+0x28], 0x18
      00a5  mov [r15+0x10], rsi
      00a9  mov rax, [rsi+0x10]
      00ad  cmp rax, [r15+0x18]
      00b1  jz 0x00d5
      00b7  mov [r15+0x18], rax
      00bb  mov rcx, [rax+0x110]
      00c2  mov [r15+0x20], rcx
      00c6  xor r14d, r14d
      00c9  test rcx, rcx
      00cc  jz 0x00d5
      00d2  mov r14, [rcx]
      00d5  jmp rdi
out of line (hand-overs):
      00d7  lea rax, [r13+0x24]  ; hand over at @9
      00db  jmp 0x001c
      00e0  lea rax, [r13]  ; hand over at @0
      00e4  jmp 0x001c
      00e9  lea rax, [r13+0x1C]  ; hand over at @7
      00ed  jmp 0x001c
data: 2 bytes (branch tables, padding)

func 4: params=1 locals=0 results=1 frame=3
248 bytes of machine code, 0 of them data; 3 of 3 IR instructions compiled
entry and exit:
      0000  push rbx
      0001  push rbp
      0002  push r12
      0004  push r13
      0006  push r14
      0008  push r15
      000a  sub rsp, 0x08
      000e  mov rbx, rdi
      0011  mov r15, rsi
      0014  mov r14, rcx
      0017  mov r13, r8
      001a  jmp rdx
      001c  mov rdx, rbx
      001f  add rsp, 0x08
      0023  pop r15
      0025  pop r14
      0027  pop r13
      0029  pop r12
      002b  pop rbp
      002c  pop rbx
      002d  ret
   0: op_table_get_sxs s1 #0 s0
      002e  mov rdi, r15
      0031  mov rsi, rbx
      0034  lea rdx, [r13]
      0038  mov rax, <table_get<uint32_t>>
      0042  call rax
      0044  test al, al
      0046  jz 0x00eb
   5: op_ref_is_null_ss s0 s1
      004c  cmp qword ptr [rbx+0x08], 0x00
      0051  setz al
      0054  movzx eax, al
      0057  mov [rbx], rax
   9: op_return
      005a  mov rcx, [r15+0x28]
      005e  mov rsi, [rcx-0x08]
      0062  mov rdi, [rcx-0x18]
      0066  test rsi, rsi
      0069  jz 0x00e2
      006f  test dil, 0x01
      0073  jnz 0x00e2
      0079  mov rdx, [rsi+0x70]
      007d  cmp qword ptr [rdx+0x20], 0x00
      0082  jz 0x00e2
      0088  mov rax, [rdx+0x90]
      008f  mov r13, [rdx+0x18]
      0093  mov r8, [rax+0x30]
      0097  mov edi, [r8+rdi*1]
      009b  add rdi, [rax]
      009e  mov rbx, [rcx-0x10]
      00a2  sub qword ptr [r15+0x28], 0x18
      00a7  mov [r15+0x10], rsi
      00ab  mov rax, [rsi+0x10]
      00af  cmp rax, [r15+0x18]
      00b3  jz 0x00d7
      00b9  mov [r15+0x18], rax
      00bd  mov rcx, [rax+0x110]
      00c4  mov [r15+0x20], rcx
      00c8  xor r14d, r14d
      00cb  test rcx, rcx
      00ce  jz 0x00d7
      00d4  mov r14, [rcx]
      00d7  jmp rdi
out of line (hand-overs):
      00d9  lea rax, [r13+0x2C]  ; hand over at @11
      00dd  jmp 0x001c
      00e2  lea rax, [r13+0x24]  ; hand over at @9
      00e6  jmp 0x001c
      00eb  mov rax, [r15+0x08]
      00ef  mov rax, [rax+0x70]
      00f3  jmp 0x001c

